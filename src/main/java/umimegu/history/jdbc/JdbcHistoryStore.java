package umimegu.history.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import umimegu.history.HistoryException;
import umimegu.history.HistorySettings;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;

/**
 * The history in any JDBC database (embedded H2 by default). The schema is created and upgraded
 * by Flyway migrations in {@code db/migration}; every statement is prepared.
 */
public final class JdbcHistoryStore implements HistoryStore {
    private static final int TOP_USERS = 5;
    private static final String COLUMNS = "created_at, source, guild_id, channel_id, user_id, image_sha256, face_index, "
            + "box_x, box_y, box_width, box_height, label, probability, probabilities, not_sure, model_id, latency_ms";

    private final HistorySettings settings;
    private final JdbcConnectionPool h2Pool;

    private JdbcHistoryStore(HistorySettings settings) {
        this.settings = settings;
        this.h2Pool = settings.jdbcUrl().startsWith("jdbc:h2:")
                ? JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), settings.password())
                : null;
    }

    /** Opens the database, creating or upgrading its schema to the latest version. */
    public static JdbcHistoryStore open(HistorySettings settings) {
        return open(settings, null);
    }

    /** Opens the database migrated up to {@code targetVersion} (null: latest); for upgrade tests. */
    public static JdbcHistoryStore open(HistorySettings requested, String targetVersion) {
        HistorySettings settings = durable(requested);
        try {
            var configuration = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration");
            if (targetVersion != null) {
                configuration.target(targetVersion);
            }
            configuration.load().migrate();
        } catch (RuntimeException e) {
            throw new HistoryException("cannot open the history database " + redact(settings.jdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
        return new JdbcHistoryStore(settings);
    }

    private Connection connect() throws SQLException {
        return h2Pool != null ? h2Pool.getConnection()
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    public void save(List<PredictionRecord> records) {
        String sql = "INSERT INTO prediction (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (PredictionRecord r : records) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot record predictions: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, PredictionRecord r) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(r.time()));
        ps.setString(2, r.source());
        ps.setString(3, r.guildId());
        ps.setString(4, r.channelId());
        ps.setString(5, r.userId());
        ps.setString(6, r.imageSha256());
        ps.setInt(7, r.faceIndex());
        PredictionRecord.Box box = r.box();
        for (int i = 0; i < 4; i++) {
            if (box == null) {
                ps.setNull(8 + i, Types.INTEGER);
            } else {
                ps.setInt(8 + i, new int[] {box.x(), box.y(), box.width(), box.height()}[i]);
            }
        }
        ps.setString(12, r.label());
        ps.setDouble(13, r.probability());
        ps.setString(14, r.probabilities().stream().map(p -> String.format(Locale.ROOT, "%.6f", p))
                .collect(Collectors.joining(",")));
        ps.setBoolean(15, r.notSure());
        ps.setString(16, r.modelId());
        ps.setLong(17, r.latencyMs());
    }

    @Override
    public StatsReport stats(StatsQuery q) {
        Filter filter = Filter.of(q);
        try (Connection c = connect()) {
            long total = 0;
            long notSure = 0;
            try (PreparedStatement ps = filter.prepare(c,
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN not_sure THEN 1 ELSE 0 END), 0) FROM prediction", "");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    total = rs.getLong(1);
                    notSure = rs.getLong(2);
                }
            }
            List<StatsReport.LabelStats> perLabel = new ArrayList<>();
            try (PreparedStatement ps = filter.prepare(c, "SELECT label, COUNT(*), AVG(probability) FROM prediction",
                    " GROUP BY label ORDER BY COUNT(*) DESC, label");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perLabel.add(new StatsReport.LabelStats(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
                }
            }
            List<StatsReport.UserCount> users = new ArrayList<>();
            try (PreparedStatement ps = filter.and("user_id IS NOT NULL").prepare(c,
                    "SELECT user_id, COUNT(*) FROM prediction",
                    " GROUP BY user_id ORDER BY COUNT(*) DESC, user_id FETCH FIRST " + TOP_USERS + " ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new StatsReport.UserCount(rs.getString(1), rs.getLong(2)));
                }
            }
            List<PredictionRecord> recent = new ArrayList<>();
            try (PreparedStatement ps = filter.prepare(c, "SELECT " + COLUMNS + " FROM prediction",
                    " ORDER BY created_at DESC, id DESC FETCH FIRST " + Math.max(0, q.last()) + " ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recent.add(read(rs));
                }
            }
            return new StatsReport(total, notSure, perLabel, users, recent);
        } catch (SQLException e) {
            throw new HistoryException("cannot query the history: " + e.getMessage(), e);
        }
    }

    private static PredictionRecord read(ResultSet rs) throws SQLException {
        int x = rs.getInt(8);
        PredictionRecord.Box box = rs.wasNull() ? null
                : new PredictionRecord.Box(x, rs.getInt(9), rs.getInt(10), rs.getInt(11));
        List<Double> probabilities = Arrays.stream(rs.getString(14).split(","))
                .filter(s -> !s.isEmpty()).map(Double::valueOf).toList();
        return new PredictionRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), box, rs.getString(12), rs.getDouble(13), probabilities,
                rs.getBoolean(15), rs.getString(16), rs.getLong(17));
    }

    @Override
    public void close() {
        if (h2Pool != null) {
            h2Pool.dispose();
        }
    }

    /**
     * H2 writes committed data to disk up to 500 ms later by default, so a killed process loses
     * answers it already reported as recorded (the crash test showed it). WRITE_DELAY=0 makes a
     * commit durable when it returns; a URL that sets WRITE_DELAY itself is left alone.
     */
    static HistorySettings durable(HistorySettings s) {
        String url = s.jdbcUrl();
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            return s;
        }
        return new HistorySettings(url + ";WRITE_DELAY=0", s.user(), s.password());
    }

    /** Hides credentials that some JDBC URLs carry. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    /** A WHERE clause with its parameters, always bound, never concatenated. */
    private record Filter(List<String> conditions, List<Object> values) {
        static Filter of(StatsQuery q) {
            List<String> conditions = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            add(conditions, values, "created_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
            add(conditions, values, "created_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
            add(conditions, values, "user_id = ?", q.userId());
            add(conditions, values, "channel_id = ?", q.channelId());
            add(conditions, values, "model_id = ?", q.modelId());
            return new Filter(conditions, values);
        }

        private static void add(List<String> conditions, List<Object> values, String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                values.add(value);
            }
        }

        Filter and(String fixedCondition) {
            List<String> more = new ArrayList<>(conditions);
            more.add(fixedCondition);
            return new Filter(more, values);
        }

        PreparedStatement prepare(Connection c, String select, String tail) throws SQLException {
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            PreparedStatement ps = c.prepareStatement(select + where + tail);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        }
    }

}
