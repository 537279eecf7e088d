package umimegu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-launches the JVM once with glibc malloc settings that suit oneDNN.
 *
 * <p>oneDNN allocates and frees large reorder buffers at every layer of every batch, and glibc's
 * defaults hand them back to the kernel each time; one arena, no mmap and no trimming keep them
 * mapped for reuse. glibc reads these only at process start, hence the re-launch; it is skipped
 * when they are already set (e.g. by the test runner) or when not on Linux.
 *
 * <p>Where gperftools' tcmalloc is installed ({@code apt-get install libtcmalloc-minimal4}) the
 * child runs on it instead ({@code LD_PRELOAD}), for less peak memory at the same speed;
 * {@code UMIMEGU_ALLOCATOR=glibc} keeps glibc. Measured: docs/performance.md, "oneDNN and the
 * allocator".
 *
 * <p>The child's heap and JavaCPP's native limits are set from the machine's memory where the
 * command line does not set them ({@link #memoryOptions}).
 */
final class NativeMemoryTuning {
    static final Map<String, String> SETTINGS = Map.of(
            "MALLOC_ARENA_MAX", "1",
            "MALLOC_MMAP_MAX_", "0",
            "MALLOC_TRIM_THRESHOLD_", "4294967296",
            "MALLOC_TOP_PAD_", "268435456");

    /**
     * OpenMP threads (ND4J's oneDNN kernels) spin this many times, not libgomp's 300,000, before
     * sleeping between parallel regions, so that on 2 cores a spinning thread does not hold the core
     * that libnd4j's pool and the JIT need (measured: docs/performance.md, item 6). Not set where
     * the environment sets it.
     */
    static final Map<String, String> OPENMP = Map.of("GOMP_SPINCOUNT", "10000");

    static final List<Path> TCMALLOC = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib64/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib/libtcmalloc_minimal.so.4"));

    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    private static final long MB = 1024L * 1024;
    private static final long MIN_HEAP = 256 * MB;
    /** Live heap is tens of MB; the rest is for decoding large pictures (40 MP is 120 MB) on several workers at once. */
    private static final long MAX_HEAP = 2048 * MB;

    private NativeMemoryTuning() {}

    /**
     * The child's memory limits, from the machine's memory (a container's limit, where there is one),
     * for each one that {@code given} (the JVM's own options) does not set: a heap of a quarter of
     * it (256 MB to 2 GB: the heap holds pictures, the network lives outside it), and JavaCPP's
     * limits: the whole process at most 95% of the memory (leaving at least 256 MB), native
     * buffers the rest after the heap, because JavaCPP's own defaults follow the heap and stop a
     * training on a small heap whatever the machine has (docs/performance.md, item 4). Near the
     * machine's size, an allocation that cannot fit still fails with an OutOfMemoryError rather
     * than the kernel killing the bot.
     */
    static List<String> memoryOptions(List<String> given, long machineBytes) {
        List<String> options = new ArrayList<>();
        if (machineBytes <= 0) {
            return options; // unknown: the JVM's and JavaCPP's defaults
        }
        long heap;
        if (given.stream()
                .noneMatch(
                        a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:MaxHeapSize"))) {
            heap = Math.max(MIN_HEAP, Math.min(MAX_HEAP, machineBytes / 4 / MB * MB));
            options.add("-Xmx" + heap / MB + "m");
        } else {
            // set on the command line; this JVM was started with the same options
            heap = last(given, "-Xmx")
                    .map(NativeMemoryTuning::bytes)
                    .filter(h -> h > 0)
                    .orElse(Runtime.getRuntime().maxMemory());
        }
        long process = machineBytes - Math.max(256 * MB, machineBytes / 20);
        Optional<String> givenProcess = last(given, "-D" + MAX_PHYSICAL_BYTES + "=");
        if (givenProcess.isPresent()) {
            process = bytes(givenProcess.get()); // -1 when written in a way not read here: left to JavaCPP
        } else {
            options.add("-D" + MAX_PHYSICAL_BYTES + "=" + process);
        }
        if (last(given, "-D" + MAX_BYTES + "=").isEmpty() && process > 0) {
            options.add("-D" + MAX_BYTES + "=" + Math.max(MIN_HEAP, process - heap));
        }
        return options;
    }

    /** The memory the JVM sees: physical memory, or the container's limit; 0 where the JVM does not say. */
    static long machineBytes() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : 0;
    }

    /** What the last option starting with {@code prefix} sets (the JVM, like JavaCPP, takes the last). */
    private static Optional<String> last(List<String> given, String prefix) {
        return given.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .reduce((a, b) -> b);
    }

    /** A JVM size: bytes, or with k, m, g, t (either case); -1 for anything else. */
    static long bytes(String size) {
        if (size.isEmpty()) {
            return -1;
        }
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long factor = switch (unit) {
            case 'k' -> 1024;
            case 'm' -> MB;
            case 'g' -> 1024 * MB;
            case 't' -> 1024 * 1024 * MB;
            default -> 1;
        };
        try {
            return Long.parseLong(factor == 1 ? size : size.substring(0, size.length() - 1)) * factor;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tcmalloc library to run on, unless glibc is asked for or none is installed. */
    static Optional<Path> tcmalloc(Map<String, String> environment) {
        if ("glibc".equalsIgnoreCase(environment.getOrDefault("UMIMEGU_ALLOCATOR", ""))) {
            return Optional.empty();
        }
        return TCMALLOC.stream().filter(java.nio.file.Files::isReadable).findFirst();
    }

    /** The heap and JavaCPP's native limits this process runs with, for {@code bench}. */
    static String memoryLimits() {
        return "heap " + Runtime.getRuntime().maxMemory() / MB + " MB, javacpp maxbytes " + megabytes(MAX_BYTES)
                + ", maxphysicalbytes " + megabytes(MAX_PHYSICAL_BYTES) + ", machine " + machineBytes() / MB + " MB";
    }

    private static String megabytes(String property) {
        String value = System.getProperty(property);
        long bytes = value == null ? -1 : bytes(value);
        return value == null ? "default" : bytes < 0 ? value : bytes / MB + " MB";
    }

    /** Which allocator this process runs on, for {@code bench}. */
    static String allocator() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        return preload.contains("tcmalloc") ? "tcmalloc" : preload.contains("jemalloc") ? "jemalloc" : "glibc";
    }

    static boolean needed() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux")
                && System.getenv("MALLOC_ARENA_MAX") == null
                && System.getenv("UMIMEGU_NO_RELAUNCH") == null;
    }

    /** The environment the child gets on top of {@code current}: the malloc settings, and OpenMP's where not set. */
    static Map<String, String> childSettings(Map<String, String> current) {
        Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
        OPENMP.forEach((name, value) -> settings.put(name, current.getOrDefault(name, value)));
        return settings;
    }

    /** Runs this same command in a child JVM with the settings; returns its exit code. */
    static int relaunch(Class<?> mainClass, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        command.addAll(given);
        command.addAll(memoryOptions(given, machineBytes()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(childSettings(System.getenv()));
        tcmalloc(System.getenv()).ifPresent(library -> {
            String preload = builder.environment().getOrDefault("LD_PRELOAD", "");
            builder.environment().put("LD_PRELOAD", preload.isEmpty() ? library.toString() : library + ":" + preload);
        });
        builder.environment()
                .put(LAUNCHER_PID, String.valueOf(ProcessHandle.current().pid()));
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return child.waitFor();
    }

    /** Set in the child: the launcher's process id, which the child watches ({@link #endWithTheLauncher}). */
    static final String LAUNCHER_PID = "UMIMEGU_LAUNCHER_PID";

    /**
     * In a re-launched child: ends this process (shutdown hooks and all) once the launcher is gone,
     * whatever ended it, even {@code kill -9}, which the launcher's own hook cannot see; so service
     * managers and containers, which watch the launcher, never leave a child serving on its own.
     */
    static void endWithTheLauncher(Map<String, String> environment) {
        String pid = environment.get(LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> launcher;
        try {
            launcher = ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return;
        }
        Thread watch = new Thread(
                () -> {
                    while (launcher.map(ProcessHandle::isAlive).orElse(false)) {
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.exit(ExitCodes.LAUNCHER_GONE);
                },
                "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
