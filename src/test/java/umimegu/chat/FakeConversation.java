package umimegu.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the bot posts and every edit, as a chat platform would show it. */
final class FakeConversation implements Conversation {
    final List<Reply> replies = new CopyOnWriteArrayList<>();
    final List<String> edits = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<SentReply> send(Reply reply) {
        replies.add(reply);
        return CompletableFuture.completedFuture(text -> {
            edits.add(text);
            return CompletableFuture.completedFuture(null);
        });
    }

    List<String> texts() {
        return replies.stream().map(Reply::text).toList();
    }
}
