package umimegu.teaching;

import java.time.Instant;

/**
 * A picture from the chat waiting for an admin: a member's correction of an answer (the face crop,
 * the label they gave and what the bot said) or a picture a member added with {@code !add}.
 */
public record ReviewItem(
        long id,
        Kind kind,
        String label,
        String saidLabel,
        String cropSha256,
        String userId,
        Long feedbackId,
        Instant createdAt) {
    public enum Kind {
        CORRECTION,
        ADDITION
    }
}
