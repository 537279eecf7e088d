package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import umimegu.TestFixtures;
import umimegu.history.jdbc.JdbcHistoryStore;

/**
 * Four bot processes write to one PostgreSQL history at once (four writers in one process for
 * embedded H2); every row and every per-day rollup count must
 * be exact (the rollup is what {@code stats} reads for whole days).
 */
class SeveralProcessesTest {
    private static final int PROCESSES = 4;
    private static final int RECORDS = 1000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourProcessesTimesAThousandRecordsAreCountedExactly(TestDatabase database) throws Exception {
        HistorySettings settings = database.fresh(dir, "shared");
        JdbcHistoryStore.open(settings).close(); // migrated once, before the writers race
        String password = database == TestDatabase.H2
                ? java.nio.file.Files.readString(dir.resolve("shared.key")).trim()
                : settings.password();
        HistorySettings shared = new HistorySettings(settings.jdbcUrl(), settings.user(), password);
        if (database == TestDatabase.H2) {
            // embedded H2 is one process's database (its AUTO_SERVER mode races on the lock file when
            // several processes open it at once): four writers, each with its own store, in this process
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                String user = "shard" + p;
                Thread t = new Thread(() -> ProcessWriterChild.write(shared, user, RECORDS));
                t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
                writers.add(t);
                t.start();
            }
            for (Thread t : writers) {
                t.join(TimeUnit.MINUTES.toMillis(4));
            }
            assertEquals(List.of(), failures);
        } else {
            List<Process> writers = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                writers.add(TestFixtures.childJvm(
                                null,
                                ProcessWriterChild.class,
                                shared.jdbcUrl(),
                                shared.user(),
                                shared.password(),
                                "shard" + p,
                                String.valueOf(RECORDS))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("writer" + p + ".log").toFile())
                        .start());
            }
            for (Process w : writers) {
                if (!w.waitFor(4, TimeUnit.MINUTES)) {
                    w.destroyForcibly();
                }
                assertEquals(0, w.exitValue(), () -> "a writer failed: " + log(writers.indexOf(w)));
            }
        }
        try (HistoryStore store = JdbcHistoryStore.open(shared)) {
            StatsReport all = store.stats(StatsQuery.all());
            assertEquals(PROCESSES * RECORDS, all.total(), "rows");
            Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
            // whole past days come from the rollup alone: the two earlier days must count exactly
            StatsReport pastDays =
                    store.stats(new StatsQuery(today.minus(2, ChronoUnit.DAYS), today, null, null, null, 0));
            long expectedPast = PROCESSES * (long) (RECORDS - countDay0());
            assertEquals(expectedPast, pastDays.total(), "rollup counts of the two whole days");
            for (int p = 0; p < PROCESSES; p++) {
                assertEquals(
                        RECORDS,
                        store.stats(new StatsQuery(null, null, "shard" + p, null, null, 0))
                                .total());
            }
            assertEquals(PROCESSES * RECORDS / 2, all.perLabel().get(0).count());
        }
    }

    /** Records written on today's date by one writer (every third, starting with the first). */
    private static int countDay0() {
        return (RECORDS + 2) / 3;
    }

    private String log(int p) {
        try {
            return java.nio.file.Files.readString(dir.resolve("writer" + p + ".log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
