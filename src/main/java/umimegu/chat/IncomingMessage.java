package umimegu.chat;

import java.util.List;

/** A chat message as the core sees it, whatever platform it came from. Ids are null where unknown. */
public record IncomingMessage(String text, List<Attachment> attachments, String authorId, boolean authorIsAdmin,
                              String channelId, String guildId) {
    public IncomingMessage {
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
    }
}
