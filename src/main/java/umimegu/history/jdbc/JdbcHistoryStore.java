package umimegu.history.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    private static final String COLUMNS =
            "created_at, source, guild_id, channel_id, user_id, image_sha256, face_index, "
                    + "box_x, box_y, box_width, box_height, label, probability, probabilities, not_sure, model_id, latency_ms, crop_sha256, answer_id";

    private final HistorySettings settings;
    private final JdbcConnectionPool h2Pool;
    private final HikariDataSource serverPool;
    private final boolean postgres;

    private JdbcHistoryStore(HistorySettings settings) {
        this.settings = settings;
        boolean h2 = settings.jdbcUrl().startsWith("jdbc:h2:");
        this.h2Pool = h2 ? JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), settings.password()) : null;
        this.serverPool = h2 ? null : serverPool(settings);
        this.postgres = settings.jdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** A small pool for a database server: connecting costs a round trip and an authentication each time. */
    private static HikariDataSource serverPool(HistorySettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("umimegu-history");
        config.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new HistoryException(
                    "cannot connect to the history database " + redact(settings.jdbcUrl()) + ": " + e.getMessage(), e);
        }
    }

    /** Whether the database is PostgreSQL, whose upserts ({@code ON CONFLICT}) stay exact under concurrent writers. */
    boolean isPostgres() {
        return postgres;
    }

    /** Opens the database, creating or upgrading its schema to the latest version. */
    public static JdbcHistoryStore open(HistorySettings settings) {
        return open(settings, null);
    }

    /** Opens the database migrated up to {@code targetVersion} (null: latest); for upgrade tests. */
    public static JdbcHistoryStore open(HistorySettings requested, String targetVersion) {
        // one opening at a time per process: H2 shares one database instance between the connections of
        // a JVM, and the read-only probe of an opening must not be the instance a concurrent opening joins
        synchronized (OPENING) {
            return openNow(requested, targetVersion);
        }
    }

    private static final Object OPENING = new Object();

    private static JdbcHistoryStore openNow(HistorySettings requested, String targetVersion) {
        HistorySettings settings = durable(EmbeddedH2.prepare(requested));
        try {
            var configuration = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration");
            if (targetVersion != null) {
                configuration.target(targetVersion);
            }
            configuration.load().migrate();
        } catch (RuntimeException e) {
            throw new HistoryException(
                    "cannot open the history database " + redact(settings.jdbcUrl()) + ": " + e.getMessage(), e);
        }
        EmbeddedH2.keepPrivate(settings);
        return new JdbcHistoryStore(settings);
    }

    /** A connection from the pool (H2) or the driver; the caller closes it. */
    Connection connect() throws SQLException {
        return h2Pool != null ? h2Pool.getConnection() : serverPool.getConnection();
    }

    @Override
    public void save(List<PredictionRecord> records) {
        String sql = "INSERT INTO prediction (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        DailyRollup rollup = new DailyRollup();
        records.forEach(r ->
                rollup.add(r.time(), r.label(), r.userId(), r.channelId(), r.modelId(), r.probability(), r.notSure()));
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (PredictionRecord r : records) {
                        bind(ps, r);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    rollup.apply(c, postgres);
                    c.commit();
                    return;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // two writers (say the bot and the CLI on one server database) may insert the same new day row
                if (attempt < 3 && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    continue;
                }
                throw new HistoryException("cannot record predictions: " + e.getMessage(), e);
            }
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
        ps.setString(
                14,
                r.probabilities().stream()
                        .map(p -> String.format(Locale.ROOT, "%.6f", p))
                        .collect(Collectors.joining(",")));
        ps.setBoolean(15, r.notSure());
        ps.setString(16, r.modelId());
        ps.setLong(17, r.latencyMs());
        ps.setString(18, r.cropSha256());
        ps.setString(19, r.answerId());
    }

    /**
     * Aggregates come from the per-day rollup for whole UTC days and from the raw rows only for the
     * partial days at the ends of the period, so their cost does not grow with the row count.
     */
    @Override
    public StatsReport stats(StatsQuery q) {
        StatsPlan plan = StatsPlan.of(q.from(), q.to());
        Map<List<String>, double[]> byLabelAndUser = new HashMap<>();
        Map<StatsReport.DayCount, Long> perDay = new TreeMap<>(
                Comparator.comparing(StatsReport.DayCount::day).thenComparing(StatsReport.DayCount::label));
        try (Connection c = connect()) {
            if (plan.hasWholeDays()) {
                Filter days = Filter.dims(q)
                        .with("stat_day >= ?", plan.firstDay() == null ? null : Date.valueOf(plan.firstDay()))
                        .with("stat_day < ?", plan.endDay() == null ? null : Date.valueOf(plan.endDay()));
                try (PreparedStatement ps = days.prepare(
                                c,
                                "SELECT stat_day, label, user_id, SUM(n), SUM(probability_sum), "
                                        + "SUM(not_sure_n) FROM prediction_daily",
                                " GROUP BY stat_day, label, user_id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(
                                byLabelAndUser,
                                perDay,
                                rs.getDate(1).toLocalDate(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getDouble(5),
                                rs.getLong(6));
                    }
                }
            }
            for (StatsPlan.Segment segment : plan.partialDays()) {
                Filter raw = Filter.dims(q)
                        .with("created_at >= ?", segment.from() == null ? null : Timestamp.from(segment.from()))
                        .with("created_at < ?", segment.to() == null ? null : Timestamp.from(segment.to()));
                try (PreparedStatement ps = raw.prepare(
                                c,
                                "SELECT label, user_id, COUNT(*), SUM(probability), "
                                        + "SUM(CASE WHEN not_sure THEN 1 ELSE 0 END) FROM prediction",
                                " GROUP BY label, user_id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(
                                byLabelAndUser,
                                perDay,
                                segment.day(),
                                rs.getString(1),
                                DailyRollup.orEmpty(rs.getString(2)),
                                rs.getLong(3),
                                rs.getDouble(4),
                                rs.getLong(5));
                    }
                }
            }
            List<PredictionRecord> recent = new ArrayList<>();
            Filter all = Filter.dims(q)
                    .with("created_at >= ?", q.from() == null ? null : Timestamp.from(q.from()))
                    .with("created_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
            try (PreparedStatement ps = all.prepare(
                            c,
                            "SELECT " + COLUMNS + " FROM prediction",
                            " ORDER BY created_at DESC FETCH FIRST " + Math.max(0, q.last()) + " ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recent.add(read(rs));
                }
            }
            return report(byLabelAndUser, perDay, recent);
        } catch (SQLException e) {
            throw new HistoryException("cannot query the history: " + e.getMessage(), e);
        }
    }

    private static void add(
            Map<List<String>, double[]> byLabelAndUser,
            Map<StatsReport.DayCount, Long> perDay,
            LocalDate day,
            String label,
            String user,
            long n,
            double probabilitySum,
            long notSure) {
        double[] sums = byLabelAndUser.computeIfAbsent(List.of(label, user), k -> new double[3]);
        sums[0] += n;
        sums[1] += probabilitySum;
        sums[2] += notSure;
        perDay.merge(new StatsReport.DayCount(day, label, 0), n, Long::sum);
    }

    private static StatsReport report(
            Map<List<String>, double[]> byLabelAndUser,
            Map<StatsReport.DayCount, Long> perDay,
            List<PredictionRecord> recent) {
        long total = 0;
        long notSure = 0;
        Map<String, double[]> labels = new HashMap<>();
        Map<String, Long> users = new HashMap<>();
        for (var e : byLabelAndUser.entrySet()) {
            double[] s = e.getValue();
            total += (long) s[0];
            notSure += (long) s[2];
            double[] l = labels.computeIfAbsent(e.getKey().get(0), k -> new double[2]);
            l[0] += s[0];
            l[1] += s[1];
            if (!e.getKey().get(1).isEmpty()) {
                users.merge(e.getKey().get(1), (long) s[0], Long::sum);
            }
        }
        List<StatsReport.LabelStats> perLabel = labels.entrySet().stream()
                .map(e -> new StatsReport.LabelStats(
                        e.getKey(), (long) e.getValue()[0], e.getValue()[1] / e.getValue()[0]))
                .sorted(Comparator.comparingLong(StatsReport.LabelStats::count)
                        .reversed()
                        .thenComparing(StatsReport.LabelStats::label))
                .toList();
        List<StatsReport.UserCount> topUsers = users.entrySet().stream()
                .map(e -> new StatsReport.UserCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(StatsReport.UserCount::count)
                        .reversed()
                        .thenComparing(StatsReport.UserCount::userId))
                .limit(TOP_USERS)
                .toList();
        List<StatsReport.DayCount> days = perDay.entrySet().stream()
                .map(e -> new StatsReport.DayCount(e.getKey().day(), e.getKey().label(), e.getValue()))
                .toList();
        return new StatsReport(total, notSure, perLabel, topUsers, recent, days);
    }

    private static PredictionRecord read(ResultSet rs) throws SQLException {
        int x = rs.getInt(8);
        PredictionRecord.Box box =
                rs.wasNull() ? null : new PredictionRecord.Box(x, rs.getInt(9), rs.getInt(10), rs.getInt(11));
        List<Double> probabilities = Arrays.stream(rs.getString(14).split(","))
                .filter(s -> !s.isEmpty())
                .map(Double::valueOf)
                .toList();
        return new PredictionRecord(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                box,
                rs.getString(12),
                rs.getDouble(13),
                probabilities,
                rs.getBoolean(15),
                rs.getString(16),
                rs.getLong(17),
                rs.getString(18),
                rs.getString(19));
    }

    @Override
    public void close() {
        if (h2Pool != null) {
            h2Pool.dispose();
        }
        if (serverPool != null) {
            serverPool.close();
        }
    }

    /**
     * H2 writes committed data to disk up to 500 ms later by default, so a killed process loses
     * answers it already reported as recorded (the crash test showed it). WRITE_DELAY=0 makes a
     * commit durable when it returns; a URL that sets WRITE_DELAY itself is left alone.
     */
    static HistorySettings durable(HistorySettings s) {
        String url = s.jdbcUrl();
        if (!url.startsWith("jdbc:h2:")
                || url.startsWith("jdbc:h2:mem:")
                || url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            return s;
        }
        return new HistorySettings(url + ";WRITE_DELAY=0", s.user(), s.password());
    }

    /** Hides credentials that JDBC URLs can carry: {@code password=}/{@code pwd=} and {@code user:secret@host}. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***").replaceAll("(//[^/@:;?]*):[^/@]*@", "$1:***@");
    }

    /** A WHERE clause with its parameters, always bound, never concatenated. */
    private record Filter(List<String> conditions, List<Object> values) {
        /** The user, channel, model and label filters, which both tables carry. */
        static Filter dims(StatsQuery q) {
            return new Filter(List.of(), List.of())
                    .with("user_id = ?", q.userId())
                    .with("channel_id = ?", q.channelId())
                    .with("model_id = ?", q.modelId())
                    .with("label = ?", q.label());
        }

        Filter with(String condition, Object value) {
            if (value == null) {
                return this;
            }
            List<String> c = new ArrayList<>(conditions);
            List<Object> v = new ArrayList<>(values);
            c.add(condition);
            v.add(value);
            return new Filter(c, v);
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
