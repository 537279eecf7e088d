package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
}
