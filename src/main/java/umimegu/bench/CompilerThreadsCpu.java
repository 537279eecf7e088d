package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads have used, from Linux's {@code /proc/self/task}. The JVM's own
 * figure ({@code CompilationMXBean}) is the compilations' elapsed time, which on a busy 2-core
 * machine counts the time a compiler thread waited for a core too (docs/chat.md).
 */
final class CompilerThreadsCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private CompilerThreadsCpu() {}

    /** User and system time of the threads alive now whose name starts with "C1 Compiler" or "C2 Compiler"; -1 off Linux. */
    static long millis() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(CompilerThreadsCpu::compilerTicks).sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long compilerTicks(Path task) {
        try {
            return compilerTicks(Files.readString(task.resolve("stat")));
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** A thread's user and system ticks from its {@code stat} line, 0 unless it is a JIT compiler thread. */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')'); // the name itself may hold parentheses and spaces
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).split(" "); // from field 3, the state
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
    }
}
