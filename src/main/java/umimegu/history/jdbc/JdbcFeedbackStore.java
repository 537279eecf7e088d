package umimegu.history.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import umimegu.history.HistoryException;
import umimegu.teaching.AnsweredFace;
import umimegu.teaching.ChannelMode;
import umimegu.teaching.FeedbackReport;
import umimegu.teaching.FeedbackStore;
import umimegu.teaching.Judgement;
import umimegu.teaching.Judgements.Verdicts;
import umimegu.teaching.ReviewItem;

/**
 * Judgements, the review queue and channel modes in the history database, beside the predictions
 * they refer to. Writes that replace (a second judgement, a channel's mode) update first and
 * insert when nothing was there, in one transaction, so they work on every database.
 */
public final class JdbcFeedbackStore implements FeedbackStore {
    private static final String PENDING = "pending";
    private static final String WITHDRAWN = "withdrawn";

    private final JdbcHistoryStore history;

    public JdbcFeedbackStore(JdbcHistoryStore history) {
        this.history = history;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = history.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void linkPost(String messageId, String answerId) {
        inTransaction("remember the posted answer", c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE answer_post SET answer_id = ? WHERE message_id = ?")) {
                update.setString(1, answerId);
                update.setString(2, messageId);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO answer_post (message_id, answer_id, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, messageId);
                ps.setString(2, answerId);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> answerOfPost(String messageId) {
        return inTransaction("find the answer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT answer_id FROM answer_post WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<AnsweredFace> faces(String answerId) {
        return inTransaction("find the answer", c -> {
            List<AnsweredFace> faces = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, answer_id, face_index, label, model_id, crop_sha256 "
                            + "FROM prediction WHERE answer_id = ? ORDER BY face_index")) {
                ps.setString(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        faces.add(new AnsweredFace(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                trim(rs.getString(6))));
                    }
                }
            }
            return faces;
        });
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    @Override
    public long judge(Judgement j) {
        return inTransaction("store the judgement", c -> {
            Long existing = null;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id FROM feedback WHERE prediction_id = ? AND user_id = ?")) {
                ps.setLong(1, j.predictionId());
                ps.setString(2, j.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        existing = rs.getLong(1);
                    }
                }
            }
            if (existing != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE feedback SET judged_at = ?, correct = ?, corrected_label = ? WHERE id = ?")) {
                    bindVerdict(ps, j);
                    ps.setLong(4, existing);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE review_item SET status = ? WHERE feedback_id = ? AND status = ?")) {
                    ps.setString(1, WITHDRAWN);
                    ps.setLong(2, existing);
                    ps.setString(3, PENDING);
                    ps.executeUpdate();
                }
                return existing;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feedback (judged_at, correct, corrected_label, "
                            + "prediction_id, user_id) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bindVerdict(ps, j);
                ps.setLong(4, j.predictionId());
                ps.setString(5, j.userId());
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
    }

    private static void bindVerdict(PreparedStatement ps, Judgement j) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(j.at()));
        ps.setBoolean(2, j.right());
        ps.setString(3, j.correctedLabel());
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id was generated");
            }
            return keys.getLong(1);
        }
    }

    @Override
    public long queue(
            ReviewItem.Kind kind,
            String label,
            String saidLabel,
            String cropSha256,
            String userId,
            Long feedbackId,
            Instant at) {
        return inTransaction("queue the picture for review", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO review_item (kind, label, said_label, crop_sha256, "
                            + "user_id, feedback_id, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind.name());
                ps.setString(2, label);
                ps.setString(3, saidLabel);
                ps.setString(4, cropSha256);
                ps.setString(5, userId);
                if (feedbackId == null) {
                    ps.setNull(6, Types.BIGINT);
                } else {
                    ps.setLong(6, feedbackId);
                }
                ps.setTimestamp(7, Timestamp.from(at));
                ps.setString(8, PENDING);
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
    }

    private static final String ITEM_COLUMNS =
            "id, kind, label, said_label, crop_sha256, user_id, feedback_id, created_at";

    private static ReviewItem item(ResultSet rs) throws SQLException {
        long feedback = rs.getLong(7);
        Long feedbackId = rs.wasNull() ? null : feedback;
        return new ReviewItem(
                rs.getLong(1),
                ReviewItem.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                trim(rs.getString(5)),
                rs.getString(6),
                feedbackId,
                rs.getTimestamp(8).toInstant());
    }

    @Override
    public List<ReviewItem> pending(int limit) {
        return inTransaction("read the review queue", c -> {
            List<ReviewItem> items = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM review_item WHERE status = ? "
                            + "ORDER BY id FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")) {
                ps.setString(1, PENDING);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
            }
            return items;
        });
    }

    @Override
    public Map<String, Long> pendingPerLabel() {
        return inTransaction("read the review queue", c -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT label, COUNT(*) FROM review_item WHERE status = ? GROUP BY label")) {
                ps.setString(1, PENDING);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public Optional<ReviewItem> decide(long id, boolean accept, String decidedBy, Instant at) {
        return inTransaction("record the review", c -> {
            ReviewItem item;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM review_item WHERE id = ? AND status = ?")) {
                ps.setLong(1, id);
                ps.setString(2, PENDING);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ReviewItem>empty();
                    }
                    item = item(rs);
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE review_item SET status = ?, decided_by = ?, decided_at = ? "
                            + "WHERE id = ? AND status = ?")) {
                ps.setString(1, accept ? "accepted" : "rejected");
                ps.setString(2, decidedBy);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setLong(4, id);
                ps.setString(5, PENDING);
                if (ps.executeUpdate() == 0) {
                    return Optional.<ReviewItem>empty(); // decided by someone else meanwhile
                }
            }
            return Optional.of(item);
        });
    }

    @Override
    public FeedbackReport feedback(Instant from, Instant to, String modelId, int topConfusions) {
        return inTransaction("read the feedback", c -> {
            StringBuilder sql =
                    new StringBuilder("SELECT p.label, f.correct, f.corrected_label, COUNT(*) FROM feedback f "
                            + "JOIN prediction p ON p.id = f.prediction_id WHERE 1 = 1");
            List<Object> values = new ArrayList<>();
            if (from != null) {
                sql.append(" AND p.created_at >= ?");
                values.add(Timestamp.from(from));
            }
            if (to != null) {
                sql.append(" AND p.created_at < ?");
                values.add(Timestamp.from(to));
            }
            if (modelId != null) {
                sql.append(" AND p.model_id = ?");
                values.add(modelId);
            }
            sql.append(" GROUP BY p.label, f.correct, f.corrected_label");
            Map<String, long[]> perLabel = new TreeMap<>();
            Map<List<String>, Long> confusions = new HashMap<>();
            long judged = 0;
            long right = 0;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String said = rs.getString(1);
                        boolean correct = rs.getBoolean(2);
                        String was = rs.getString(3);
                        long n = rs.getLong(4);
                        long[] counts = perLabel.computeIfAbsent(said, k -> new long[2]);
                        counts[0] += n;
                        judged += n;
                        if (correct) {
                            counts[1] += n;
                            right += n;
                        } else if (was != null) {
                            confusions.merge(List.of(said, was), n, Long::sum);
                        }
                    }
                }
            }
            List<FeedbackReport.LabelJudged> labels = perLabel.entrySet().stream()
                    .map(e -> new FeedbackReport.LabelJudged(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
            List<FeedbackReport.Confusion> top = confusions.entrySet().stream()
                    .map(e -> new FeedbackReport.Confusion(
                            e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .sorted(Comparator.comparingLong(FeedbackReport.Confusion::count)
                            .reversed()
                            .thenComparing(FeedbackReport.Confusion::said)
                            .thenComparing(FeedbackReport.Confusion::was))
                    .limit(topConfusions)
                    .toList();
            return new FeedbackReport(judged, right, labels, top);
        });
    }

    @Override
    public Map<String, Verdicts> judgedPerModel() {
        return inTransaction("read the feedback", c -> {
            Map<String, Verdicts> perModel = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.model_id, COUNT(*), "
                            + "SUM(CASE WHEN f.correct THEN 1 ELSE 0 END) FROM feedback f JOIN prediction p ON p.id = f.prediction_id "
                            + "GROUP BY p.model_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perModel.put(rs.getString(1), new Verdicts(rs.getLong(2), rs.getLong(3)));
                }
            }
            return perModel;
        });
    }

    @Override
    public Optional<ChannelMode> channelMode(String channelId) {
        return inTransaction("read the channel's mode", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT mode FROM channel_mode WHERE channel_id = ?")) {
                ps.setString(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? ChannelMode.parse(rs.getString(1)) : Optional.<ChannelMode>empty();
                }
            }
        });
    }

    @Override
    public void setChannelMode(String channelId, ChannelMode mode, String setBy, Instant at) {
        inTransaction("store the channel's mode", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE channel_mode SET mode = ?, set_by = ?, set_at = ? WHERE channel_id = ?")) {
                ps.setString(1, mode.word());
                ps.setString(2, setBy);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, channelId);
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO channel_mode (mode, set_by, set_at, channel_id) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, mode.word());
                ps.setString(2, setBy);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, channelId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
