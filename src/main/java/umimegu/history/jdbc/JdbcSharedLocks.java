package umimegu.history.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.common.ProcessIdentity;
import umimegu.history.HistoryException;
import umimegu.history.SharedLocks;

/**
 * Shared locks in the history database. PostgreSQL: a session advisory lock on a connection kept
 * for as long as the lock is held, so a process that dies releases it with its connection.
 * Elsewhere (H2): a row in {@code shared_lock} naming its holder (process id, host, start time)
 * with a heartbeat; a row whose holder is a process of this machine that is gone is taken over at
 * once, and one whose heartbeat is older than {@link #STALE} (a holder elsewhere that stopped) soon
 * after.
 */
public final class JdbcSharedLocks implements SharedLocks {
    private static final Logger log = LoggerFactory.getLogger(JdbcSharedLocks.class);
    /** A lock whose holder has not beaten for this long is taken over; the chat says so when it refuses. */
    public static final Duration STALE = Duration.ofSeconds(15);

    private static final Duration HEARTBEAT = Duration.ofSeconds(3);

    private final JdbcHistoryStore history;
    private final String holder = ProcessIdentity.current() + "/" + UUID.randomUUID();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shared-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public JdbcSharedLocks(JdbcHistoryStore history) {
        this.history = history;
    }

    @Override
    public Optional<Held> tryLock(String name) {
        try {
            return history.isPostgres() ? advisory(name) : row(name);
        } catch (SQLException e) {
            throw new HistoryException("cannot take the shared lock " + name + ": " + e.getMessage(), e);
        }
    }

    private Optional<Held> advisory(String name) throws SQLException {
        Connection c = history.connect();
        long key = name.hashCode() * 31L + 0x756d696d;
        boolean locked = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                locked = rs.next() && rs.getBoolean(1);
            }
        } finally {
            if (!locked) {
                c.close();
            }
        }
        if (!locked) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            try (Connection held = c;
                    PreparedStatement ps = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            } catch (SQLException e) {
                log.warn("Releasing the shared lock {} failed ({}); it goes with the connection", name, e.getMessage());
            }
        });
    }

    private Optional<Held> row(String name) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = history.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement stale =
                        c.prepareStatement("DELETE FROM shared_lock WHERE name = ? AND heartbeat_at < ?")) {
                    stale.setString(1, name);
                    stale.setTimestamp(2, Timestamp.from(now.minus(STALE)));
                    if (stale.executeUpdate() > 0) {
                        log.warn("Took over the shared lock {}: its holder stopped beating", name);
                    }
                }
                takeOverFromADeadProcess(c, name);
                try (PreparedStatement insert =
                        c.prepareStatement("INSERT INTO shared_lock (name, holder, heartbeat_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, holder);
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return Optional.empty(); // someone holds it
                }
                throw e;
            }
        }
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(
                () -> beat(name), HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        return Optional.of(() -> {
            beat.cancel(false);
            try (Connection c = history.connect();
                    PreparedStatement ps =
                            c.prepareStatement("DELETE FROM shared_lock WHERE name = ? AND holder = ?")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                ps.executeUpdate();
            } catch (SQLException e) {
                log.warn("Releasing the shared lock {} failed ({}); it goes stale in {}", name, e.getMessage(), STALE);
            }
        });
    }

    /** Removes the lock's row when its holder was a process of this machine that is gone. */
    private static void takeOverFromADeadProcess(Connection c, String name) throws SQLException {
        String held;
        try (PreparedStatement ps = c.prepareStatement("SELECT holder FROM shared_lock WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                held = rs.getString(1);
            }
        }
        if (!ProcessIdentity.isGoneFromThisMachine(held)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM shared_lock WHERE name = ? AND holder = ?")) {
            ps.setString(1, name);
            ps.setString(2, held);
            if (ps.executeUpdate() > 0) {
                log.warn("Took over the shared lock {}: its holder, process {}, is gone", name, held);
            }
        }
    }

    private void beat(String name) {
        try (Connection c = history.connect();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE shared_lock SET heartbeat_at = ? WHERE name = ? AND holder = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, name);
            ps.setString(3, holder);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not renew the shared lock {}: {}", name, e.getMessage());
        }
    }
}
