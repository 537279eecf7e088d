package umimegu.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import umimegu.teaching.TrainingPictures;
import umimegu.usecase.ReviewPictures;

/** {@code !accept N…} and {@code !reject N…} (admins): decide pictures from {@code !review}. */
public final class DecideCommand implements ChatCommand {
    private final boolean accept;
    private final ChatWorkers worker;
    private final ReviewPictures review;
    private final ChatSettings settings;

    public DecideCommand(boolean accept, ChatWorkers worker, ReviewPictures review, ChatSettings settings) {
        this.accept = accept;
        this.worker = worker;
        this.review = review;
        this.settings = settings;
    }

    @Override
    public String name() {
        return accept ? "accept" : "reject";
    }

    @Override
    public String description() {
        return accept ? "add reviewed pictures to the training pictures (admins)" : "drop reviewed pictures (admins)";
    }

    @Override
    public String usage() {
        return "N [N…]";
    }

    @Override
    public Optional<String> adminOnly(Map<String, String> options) {
        return Optional.of(accept ? "accept pictures" : "reject pictures");
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("numbers", "review numbers, e.g. 3 4", CommandOption.Type.STRING, true));
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        List<String> numbers =
                words.stream().map(w -> w.startsWith("#") ? w.substring(1) : w).toList();
        if (numbers.isEmpty() || numbers.stream().anyMatch(n -> !n.matches("\\d{1,18}"))) {
            return null;
        }
        return Map.of("numbers", String.join(" ", numbers));
    }

    @Override
    public void run(CommandCall call) {
        Map<String, String> parsed = call.option("numbers") == null
                ? null
                : parse(List.of(call.option("numbers").trim().split("[\\s,]+")));
        if (parsed == null) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Usage: `" + settings.prefix() + name() + " " + usage() + "` with the numbers `"
                            + settings.prefix() + "review` shows."));
            return;
        }
        if (!review.available()) {
            Replies.send(
                    call.conversation(),
                    Reply.text("The review queue is in the history database, which is unavailable right now."));
            return;
        }
        worker.submit(call.conversation(), () -> {
            List<String> lines = new ArrayList<>();
            for (String n : parsed.get("numbers").split(" ")) {
                long id = Long.parseLong(n);
                Optional<ReviewPictures.Decision> d = accept
                        ? review.accept(id, call.message().authorId())
                        : review.reject(id, call.message().authorId());
                if (d.isEmpty()) {
                    lines.add("#" + id + ": nothing with that number waits for review.");
                } else if (!accept) {
                    lines.add("#" + id + ": rejected.");
                } else if (d.get().added() == TrainingPictures.Added.DUPLICATE) {
                    lines.add("#" + id + ": accepted; that picture was already among the training pictures of "
                            + d.get().item().label() + ".");
                } else if (d.get().movedFrom() != null) {
                    lines.add("#" + id + ": accepted; that picture was a training picture of "
                            + d.get().movedFrom()
                            + " and is now one of " + d.get().item().label() + " (the reviewed label wins). `"
                            + settings.prefix() + "wrong` on an answer with it puts it back.");
                } else {
                    lines.add("#" + id + ": accepted into " + d.get().item().label() + "; it counts from the next `"
                            + settings.prefix() + "train`.");
                }
            }
            Replies.send(call.conversation(), Reply.text(String.join("\n", lines)));
        });
    }
}
