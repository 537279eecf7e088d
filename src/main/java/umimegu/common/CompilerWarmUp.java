package umimegu.common;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Repeats a piece of work until the JIT compilers have stopped working on it, for benchmarks that
 * measure a process that has been running a while. On a 2-core machine the compiler thread takes
 * one core for a minute or more after start (our answer path runs through DL4J, ND4J, OpenCV's
 * bindings and H2), and a measurement taken meanwhile shows the compiler, not the work.
 */
public final class CompilerWarmUp {
    private final LongSupplier compilerMillis; // null where the JVM does not report it
    private final double quietShare;
    private final int maxRounds;

    /**
     * @param quietShare the compilers count as quiet in a round when their time is under this share
     *                   of the round's wall time
     * @param maxRounds  rounds to run at most, quiet or not
     */
    public CompilerWarmUp(double quietShare, int maxRounds) {
        this(compilerTime(), quietShare, maxRounds);
    }

    CompilerWarmUp(LongSupplier compilerMillis, double quietShare, int maxRounds) {
        if (quietShare <= 0 || maxRounds < 1) {
            throw new IllegalArgumentException("quietShare must be positive and maxRounds at least 1");
        }
        this.compilerMillis = compilerMillis;
        this.quietShare = quietShare;
        this.maxRounds = maxRounds;
    }

    /** What a warm-up did: rounds run, and the compilers' share of the last round's wall time (-1: not known). */
    public record Result(int rounds, double lastCompilerShare) {
        /** For a benchmark's printout. */
        public String describe() {
            return lastCompilerShare < 0
                    ? "compiler time not reported by this JVM"
                    : String.format(Locale.ROOT, "compilers %.1f%% of the last round's time", 100 * lastCompilerShare);
        }
    }

    /**
     * Runs {@code round} until one round passes with the compilers quiet, or {@code maxRounds} times
     * (always, where the JVM does not report compiler time).
     */
    public Result run(Runnable round) {
        boolean known = compilerMillis != null;
        double share = -1;
        int rounds = 0;
        while (rounds < maxRounds) {
            long compiledBefore = known ? compilerMillis.getAsLong() : 0;
            long start = System.nanoTime();
            round.run();
            rounds++;
            double wallMillis = Math.max(1e-3, (System.nanoTime() - start) / 1e6);
            if (!known) {
                continue;
            }
            share = (compilerMillis.getAsLong() - compiledBefore) / wallMillis;
            if (share < quietShare) {
                break;
            }
        }
        return new Result(rounds, share);
    }

    private static LongSupplier compilerTime() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler::getTotalCompilationTime
                : null;
    }
}
