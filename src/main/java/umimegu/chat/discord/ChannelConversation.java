package umimegu.chat.discord;

import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.channel.TextableRegularServerChannel;
import org.javacord.api.entity.message.MessageBuilder;
import umimegu.chat.Conversation;
import umimegu.chat.Reply;

/** Replies in the channel a message came from. */
final class ChannelConversation implements Conversation {
    private final TextChannel channel;

    ChannelConversation(TextChannel channel) {
        this.channel = channel;
    }

    @Override
    public CompletableFuture<SentReply> send(Reply reply) {
        MessageBuilder builder = new MessageBuilder().append(reply.text());
        reply.files().forEach(f -> builder.addAttachment(f.bytes(), f.name()));
        return builder.send(channel).thenApply(message -> new SentReply() {
            @Override
            public CompletableFuture<Void> edit(String text) {
                return message.edit(text).thenApply(m -> null);
            }

            @Override
            public String messageId() {
                return message.getIdAsString();
            }
        });
    }

    @Override
    public void typing() {
        channel.type();
    }

    @Override
    public boolean nsfw() {
        return nsfw(channel);
    }

    /** Whether a channel is marked NSFW; a thread follows its parent channel, a direct message is not. */
    static boolean nsfw(TextChannel channel) {
        return channel.asTextableRegularServerChannel()
                .map(TextableRegularServerChannel::isNsfw)
                .or(() -> channel.asServerThreadChannel()
                        .map(thread -> thread.getParent()
                                .asTextableRegularServerChannel()
                                .map(TextableRegularServerChannel::isNsfw)
                                .orElse(false)))
                .orElse(false);
    }
}
