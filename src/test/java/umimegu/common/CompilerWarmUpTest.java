package umimegu.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompilerWarmUpTest {
    private final AtomicLong compilerClock = new AtomicLong();
    private final AtomicInteger rounds = new AtomicInteger();

    /** A round of about 5 ms during which the compilers work {@code compileMillis[round]} ms. */
    private Runnable round(long... compileMillis) {
        return () -> {
            int i = rounds.getAndIncrement();
            compilerClock.addAndGet(compileMillis[Math.min(i, compileMillis.length - 1)]);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void stopsAfterTheFirstRoundWithTheCompilersQuiet() {
        CompilerWarmUp.Result result =
                new CompilerWarmUp(compilerClock::get, 0.1, 10).run(round(500, 500, 500, 0, 500));

        assertEquals(4, result.rounds());
        assertEquals(4, rounds.get());
        assertEquals(0.0, result.lastCompilerShare());
        assertTrue(result.describe().contains("compilers 0.0%"), result.describe());
    }

    @Test
    void givesUpAfterMaxRoundsWhileTheCompilersStayBusy() {
        CompilerWarmUp.Result result = new CompilerWarmUp(compilerClock::get, 0.1, 3).run(round(500));

        assertEquals(3, result.rounds());
        assertTrue(result.lastCompilerShare() > 0.1, "share " + result.lastCompilerShare());
    }

    @Test
    void runsEveryRoundWhereTheJvmDoesNotReportCompilerTime() {
        CompilerWarmUp.Result result = new CompilerWarmUp(null, 0.1, 3).run(round(0));

        assertEquals(3, result.rounds());
        assertTrue(result.describe().contains("not reported"), result.describe());
    }

    @Test
    void readsThisJvmsCompilers() {
        // HotSpot reports compiler time; with any share allowed, the first round is quiet enough
        assertEquals(1, new CompilerWarmUp(Double.MAX_VALUE, 5).run(() -> {}).rounds());
    }
}
