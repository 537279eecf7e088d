package umimegu.chat;

import java.util.List;

/**
 * A chat message as the core sees it, whatever platform it came from. Ids are null where unknown;
 * {@code replyToMessageId} is the message it replies to (null when none), {@code mentionsBot}
 * whether it names the bot.
 */
public record IncomingMessage(
        String text,
        List<Attachment> attachments,
        String authorId,
        boolean authorIsAdmin,
        String channelId,
        String guildId,
        String replyToMessageId,
        boolean mentionsBot) {
    public IncomingMessage {
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
    }

    public IncomingMessage(
            String text,
            List<Attachment> attachments,
            String authorId,
            boolean authorIsAdmin,
            String channelId,
            String guildId) {
        this(text, attachments, authorId, authorIsAdmin, channelId, guildId, null, false);
    }
}
