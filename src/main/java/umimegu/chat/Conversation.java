package umimegu.chat;

import java.util.concurrent.CompletableFuture;

/** Where replies to one message go; implemented by each front end (Discord, console, tests). */
public interface Conversation {
    CompletableFuture<SentReply> send(Reply reply);

    /** Shows that the bot is working, where the platform can. */
    default void typing() {}

    /** Whether explicit pictures are welcome here (a channel marked NSFW): then nothing is hidden as a spoiler. */
    default boolean nsfw() {
        return false;
    }

    /** A posted reply that can be edited later (training progress). */
    interface SentReply {
        CompletableFuture<Void> edit(String text);

        /** The platform's id of the posted message (replies and reactions name it); null where there is none. */
        default String messageId() {
            return null;
        }
    }
}
