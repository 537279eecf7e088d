package umimegu.history;

import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.history.jdbc.JdbcSharedLocks;

/**
 * A bot process that takes the shared lock {@code training} and holds it until it is killed:
 * {@code url user password}. It prints {@code held} once it has the lock.
 */
public final class LockHolderChild {
    public static void main(String[] args) throws Exception {
        JdbcHistoryStore store = JdbcHistoryStore.open(new HistorySettings(args[0], args[1], args[2]));
        if (new JdbcSharedLocks(store).tryLock("training").isEmpty()) {
            System.out.println("busy");
            return;
        }
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
