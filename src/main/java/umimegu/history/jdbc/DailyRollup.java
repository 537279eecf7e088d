package umimegu.history.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-day counts (UTC days) by label, user, channel and model, added to {@code prediction_daily}
 * in the same transaction as the rows they count. Unknown ids are stored as '' so the key is
 * never null (NULLs would make the primary key useless for upserts).
 */
public final class DailyRollup {
    record Key(LocalDate day, String label, String user, String channel, String model) {}

    private static final class Sums {
        long n;
        double probabilitySum;
        long notSure;
    }

    private final Map<Key, Sums> sums = new HashMap<>();

    public void add(
            Instant time,
            String label,
            String user,
            String channel,
            String model,
            double probability,
            boolean notSure) {
        Key key = new Key(
                LocalDate.ofInstant(time, ZoneOffset.UTC), label, orEmpty(user), orEmpty(channel), orEmpty(model));
        Sums s = sums.computeIfAbsent(key, k -> new Sums());
        s.n++;
        s.probabilitySum += probability;
        s.notSure += notSure ? 1 : 0;
    }

    static String orEmpty(String id) {
        return id == null ? "" : id;
    }

    /** Adds the counts with portable SQL (the migration's path). */
    public void apply(Connection c) throws SQLException {
        apply(c, false);
    }

    /**
     * Adds the counts. On PostgreSQL one {@code INSERT … ON CONFLICT DO UPDATE} per row, which stays
     * exact when several processes add to the same day at once; elsewhere update where the day's
     * row exists and insert where it does not (a concurrent insert of the same new row fails with a
     * unique violation and the caller retries the transaction).
     */
    public void apply(Connection c, boolean postgres) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        if (postgres) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO prediction_daily "
                    + "(n, probability_sum, not_sure_n, stat_day, label, user_id, channel_id, model_id) VALUES (?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (stat_day, label, user_id, channel_id, model_id) DO UPDATE SET "
                    + "n = prediction_daily.n + EXCLUDED.n, probability_sum = prediction_daily.probability_sum + "
                    + "EXCLUDED.probability_sum, not_sure_n = prediction_daily.not_sure_n + EXCLUDED.not_sure_n")) {
                for (var e : sortedKeys()) {
                    bind(upsert, e.getKey(), e.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE prediction_daily SET n = n + ?, "
                        + "probability_sum = probability_sum + ?, not_sure_n = not_sure_n + ? "
                        + "WHERE stat_day = ? AND label = ? AND user_id = ? AND channel_id = ? AND model_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO prediction_daily "
                        + "(n, probability_sum, not_sure_n, stat_day, label, user_id, channel_id, model_id) "
                        + "VALUES (?,?,?,?,?,?,?,?)")) {
            for (var e : sums.entrySet()) {
                bind(update, e.getKey(), e.getValue());
                if (update.executeUpdate() == 0) {
                    bind(insert, e.getKey(), e.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Rows in one order in every process, so two transactions upserting the same days cannot deadlock. */
    private java.util.List<Map.Entry<Key, Sums>> sortedKeys() {
        return sums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::day)
                        .thenComparing(Key::label)
                        .thenComparing(Key::user)
                        .thenComparing(Key::channel)
                        .thenComparing(Key::model)))
                .toList();
    }

    private static void bind(PreparedStatement ps, Key k, Sums s) throws SQLException {
        ps.setLong(1, s.n);
        ps.setDouble(2, s.probabilitySum);
        ps.setLong(3, s.notSure);
        ps.setDate(4, Date.valueOf(k.day()));
        ps.setString(5, k.label());
        ps.setString(6, k.user());
        ps.setString(7, k.channel());
        ps.setString(8, k.model());
    }
}
