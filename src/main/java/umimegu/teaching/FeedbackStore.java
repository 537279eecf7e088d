package umimegu.teaching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where judgements, the review queue and channel modes are kept (the history database); the core
 * sees only this port. Every method throws {@link umimegu.history.HistoryException} when the
 * database fails.
 */
public interface FeedbackStore {

    /** Remembers which posted message carried an answer, so replies and reactions to it find the answer. */
    void linkPost(String messageId, String answerId);

    Optional<String> answerOfPost(String messageId);

    /** The faces of an answer in face order; empty when unknown. */
    List<AnsweredFace> faces(String answerId);

    /**
     * Stores a judgement, replacing the same user's earlier one on that face (whose pending review
     * item, if any, is withdrawn). Returns the judgement's id.
     */
    long judge(Judgement judgement);

    /** Queues a picture for review; returns its number. */
    long queue(ReviewItem.Kind kind, String label, String saidLabel, String cropSha256, String userId, Long feedbackId,
               Instant at);

    /** The oldest pending items first. */
    List<ReviewItem> pending(int limit);

    /** Pending items per label. */
    Map<String, Long> pendingPerLabel();

    /** Marks a pending item accepted or rejected; empty when there is no such pending item. */
    Optional<ReviewItem> decide(long id, boolean accept, String decidedBy, Instant at);

    /** Users' judgements of answers given in the window (null: unbounded), optionally of one model only. */
    FeedbackReport feedback(Instant from, Instant to, String modelId, int topConfusions);

    /** Per model id: {judged, right}. */
    Map<String, long[]> judgedPerModel();

    Optional<ChannelMode> channelMode(String channelId);

    void setChannelMode(String channelId, ChannelMode mode, String setBy, Instant at);
}
