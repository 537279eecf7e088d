package umimegu.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import umimegu.teaching.ReviewItem;
import umimegu.usecase.ReviewPictures;

/** {@code !review} (admins): the oldest pictures waiting for review, a few at a time, each with its picture. */
public final class ReviewCommand implements ChatCommand {
    static final int PAGE = 5;
    private final ChatWorkers worker;
    private final ReviewPictures review;
    private final ChatSettings settings;

    public ReviewCommand(ChatWorkers worker, ReviewPictures review, ChatSettings settings) {
        this.worker = worker;
        this.review = review;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String description() {
        return "show pictures members sent that wait for review (admins)";
    }

    @Override
    public Optional<String> adminOnly(Map<String, String> options) {
        return Optional.of("review pictures");
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        return words.isEmpty() ? Map.of() : null;
    }

    @Override
    public void run(CommandCall call) {
        if (!review.available()) {
            Replies.send(
                    call.conversation(),
                    Reply.text("The review queue is in the history database, which is unavailable right now."));
            return;
        }
        worker.submit(call.conversation(), () -> Replies.send(call.conversation(), page()));
    }

    private Reply page() {
        List<ReviewPictures.Pending> pending = review.pending(PAGE);
        if (pending.isEmpty()) {
            return Reply.text("Nothing waits for review.");
        }
        List<String> lines = new ArrayList<>();
        List<Reply.OutgoingFile> files = new ArrayList<>();
        for (ReviewPictures.Pending p : pending) {
            ReviewItem i = p.item();
            String what = i.kind() == ReviewItem.Kind.CORRECTION
                    ? "correction: I said " + i.saidLabel() + ", it is " + i.label()
                    : "added as " + i.label();
            lines.add("#" + i.id() + " " + what + (i.userId() == null ? "" : " (from <@" + i.userId() + ">)")
                    + (p.png() == null ? " — picture missing" : ""));
            if (p.png() != null) {
                files.add(new Reply.OutgoingFile("review-" + i.id() + ".png", p.png()));
            }
        }
        String p = settings.prefix();
        lines.add("`" + p + "accept N…` adds a picture to the training pictures, `" + p + "reject N…` drops it.");
        return new Reply(String.join("\n", lines), files);
    }
}
