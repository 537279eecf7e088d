package umimegu.teaching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' pictures and corrections waiting for an admin. Throws
 * {@link umimegu.history.HistoryException} when the database fails.
 */
public interface ReviewQueue {
    /** Queues a picture for review; returns its number. */
    long queue(
            ReviewItem.Kind kind,
            String label,
            String saidLabel,
            String cropSha256,
            String userId,
            Long feedbackId,
            Instant at);

    /** The oldest pending items first. */
    List<ReviewItem> pending(int limit);

    /** Pending items per label. */
    Map<String, Long> pendingPerLabel();

    /** Marks a pending item accepted or rejected; empty when there is no such pending item. */
    Optional<ReviewItem> decide(long id, boolean accept, String decidedBy, Instant at);
}
