package umimegu.chat;

import java.util.Set;

/**
 * The chat front ends' settings: command prefix, user ids with admin rights on top of the
 * platform's own, attachment size cap, per-user rate limit (image messages per minute, 0 = none),
 * worker threads, whether the annotated picture is posted for single faces too, and whether
 * {@code !stats} attaches its chart.
 */
public record ChatSettings(
        String prefix,
        Set<String> adminIds,
        long maxAttachmentBytes,
        int ratePerMinute,
        int workers,
        boolean annotateAlways,
        boolean statsChart) {
    public ChatSettings {
        if (prefix == null || prefix.isBlank() || prefix.contains(" ")) {
            throw new IllegalArgumentException("chat.prefix must be a non-blank word, got '" + prefix + "'");
        }
        if (maxAttachmentBytes <= 0 || ratePerMinute < 0 || workers < 1) {
            throw new IllegalArgumentException(
                    "chat.max-attachment-bytes > 0, chat.rate-per-minute >= 0, chat.workers >= 1");
        }
        adminIds = Set.copyOf(adminIds);
    }

    /** Platform admins (Administrator or Manage Server) and the ids listed in {@code chat.admin-ids}. */
    public boolean isAdmin(IncomingMessage message) {
        return message.authorIsAdmin() || adminIds.contains(message.authorId());
    }
}
