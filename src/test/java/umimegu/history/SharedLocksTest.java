package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import umimegu.TestFixtures;
import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.history.jdbc.JdbcSharedLocks;

/** One holder at a time, across two stores (two processes' worth) on one database, on H2 and PostgreSQL. */
class SharedLocksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneHolderAtATimeAndReleasedOnClose(TestDatabase database) {
        HistorySettings settings = database.fresh(dir, "locks");
        try (JdbcHistoryStore one = JdbcHistoryStore.open(settings);
                JdbcHistoryStore two = JdbcHistoryStore.open(settings)) {
            SharedLocks first = new JdbcSharedLocks(one);
            SharedLocks second = new JdbcSharedLocks(two);
            Optional<SharedLocks.Held> held = first.tryLock("training");
            assertTrue(held.isPresent());
            assertTrue(second.tryLock("training").isEmpty(), "held elsewhere");
            assertTrue(first.tryLock("training").isEmpty(), "not re-entrant either");
            Optional<SharedLocks.Held> other = second.tryLock("another");
            assertTrue(other.isPresent(), "names are independent");
            other.get().close();
            held.get().close();
            Optional<SharedLocks.Held> again = second.tryLock("training");
            assertTrue(again.isPresent(), "free after close");
            again.get().close();
        }
    }

    /** A process killed while it holds the lock (kill -9) gives it up within seconds, not minutes. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKilledHoldersLockIsTakenOverWithinSeconds(TestDatabase database) throws Exception {
        HistorySettings fresh = database.fresh(dir, "killed");
        HistorySettings settings = database == TestDatabase.H2
                ? new HistorySettings(fresh.jdbcUrl() + ";AUTO_SERVER=TRUE", fresh.user(), fresh.password())
                : fresh;
        try (JdbcHistoryStore store = JdbcHistoryStore.open(settings)) { // the first to open H2 serves it to the child
            SharedLocks locks = new JdbcSharedLocks(store);
            Process child = TestFixtures.childJvm(
                            null, LockHolderChild.class, settings.jdbcUrl(), settings.user(), settings.password())
                    .redirectErrorStream(true)
                    .start();
            try {
                var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("held"));
                assertEquals("held", line, "the child took the lock");
                assertTrue(locks.tryLock("training").isEmpty(), "held by the child");
            } finally {
                child.destroyForcibly().waitFor();
            }
            long killed = System.nanoTime();
            Optional<SharedLocks.Held> mine = Optional.empty();
            while (mine.isEmpty()
                    && System.nanoTime() - killed
                            < java.time.Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(200);
                mine = locks.tryLock("training");
            }
            double seconds = (System.nanoTime() - killed) / 1e9;
            assertTrue(mine.isPresent(), "still refused 30 s after the holder was killed");
            assertTrue(seconds < 10, "taken over after " + seconds + " s");
            mine.get().close();
        }
    }
}
