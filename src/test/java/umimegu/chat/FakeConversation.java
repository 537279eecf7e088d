package umimegu.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the bot posts and every edit, as a chat platform would show it. */
final class FakeConversation implements Conversation {
    final List<Reply> replies = new CopyOnWriteArrayList<>();
    final List<String> edits = new CopyOnWriteArrayList<>();
    /** The id each posted reply got, in order, as a platform would give them. */
    final List<String> messageIds = new CopyOnWriteArrayList<>();

    private static final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong(1000);

    @Override
    public CompletableFuture<SentReply> send(Reply reply) {
        replies.add(reply);
        String id = String.valueOf(ids.incrementAndGet());
        messageIds.add(id);
        return CompletableFuture.completedFuture(new SentReply() {
            @Override
            public CompletableFuture<Void> edit(String text) {
                edits.add(text);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public String messageId() {
                return id;
            }
        });
    }

    List<String> texts() {
        return replies.stream().map(Reply::text).toList();
    }
}
