package umimegu.chat;

import java.util.List;
import java.util.Map;

/** {@code !train}: retrain in the background (admins); {@code !train cancel} stops it and keeps the old model. */
final class TrainCommand implements ChatCommand {
    private final TrainingJob training;
    private final ChatSettings settings;

    TrainCommand(TrainingJob training, ChatSettings settings) {
        this.training = training;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "retrain from the labelled pictures (admins); cancel stops a running training";
    }

    @Override
    public String usage() {
        return "[cancel]";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        return !words.isEmpty() && words.get(0).equalsIgnoreCase("cancel") ? Map.of("action", "cancel") : Map.of();
    }

    @Override
    public void run(CommandCall call) {
        if (!settings.isAdmin(call.message())) {
            Replies.send(call.conversation(), Reply.text("Sorry, only admins can train the model."));
            return;
        }
        if ("cancel".equals(call.option("action"))) {
            Replies.send(call.conversation(), Reply.text(training.cancel()));
            return;
        }
        String busy = training.startOrDescribe(call.conversation());
        if (busy != null) {
            Replies.send(call.conversation(), Reply.text(busy));
        }
    }
}
