package umimegu.chat.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import umimegu.chat.Conversation;
import umimegu.chat.Reply;

/**
 * Replies to a slash command: it was deferred at once (Discord allows 3 s), the first reply fills
 * the deferred response, later ones are follow-up messages.
 */
final class InteractionConversation implements Conversation {
    private final SlashCommandInteraction interaction;
    private final CompletableFuture<InteractionOriginalResponseUpdater> deferred;
    private final AtomicBoolean first = new AtomicBoolean(true);

    InteractionConversation(
            SlashCommandInteraction interaction, CompletableFuture<InteractionOriginalResponseUpdater> deferred) {
        this.interaction = interaction;
        this.deferred = deferred;
    }

    @Override
    public boolean nsfw() {
        return interaction.getChannel().map(ChannelConversation::nsfw).orElse(false);
    }

    @Override
    public CompletableFuture<SentReply> send(Reply reply) {
        if (first.compareAndSet(true, false)) {
            return deferred.thenCompose(updater -> {
                        updater.setContent(reply.text());
                        reply.files().forEach(f -> updater.addAttachment(f.bytes(), f.name()));
                        return updater.update();
                    })
                    .thenApply(message ->
                            text -> deferred.thenCompose(u -> u.setContent(text).update())
                                    .thenApply(m -> null));
        }
        var followup = interaction.createFollowupMessageBuilder().setContent(reply.text());
        reply.files().forEach(f -> followup.addAttachment(f.bytes(), f.name()));
        return followup.send().thenApply(message -> text -> message.edit(text).thenApply(m -> null));
    }
}
