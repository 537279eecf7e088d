package umimegu.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sending a reply never throws and never goes unwatched: a failed send is logged. */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    static void send(Conversation conversation, Reply reply) {
        conversation.send(reply).exceptionally(e -> {
            log.error("Could not send a reply: {}", e.getMessage());
            return null;
        });
    }
}
