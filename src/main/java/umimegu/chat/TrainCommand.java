package umimegu.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.chart.LearningCurves;
import umimegu.report.TrainingText;
import umimegu.usecase.TrainModel;
import umimegu.usecase.TrainingEvent;

/**
 * {@code !train}: retrain in the background (admins), one progress message edited after every
 * epoch, then the curves and a summary; {@code !train cancel} stops it and keeps the old model.
 */
public final class TrainCommand implements ChatCommand {
    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);
    private final TrainModel training;
    private final String prefix;

    public TrainCommand(TrainModel training, String prefix) {
        this.training = training;
        this.prefix = prefix;
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
    public Optional<String> adminOnly(Map<String, String> options) {
        return Optional.of("train the model");
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        return !words.isEmpty() && words.get(0).equalsIgnoreCase("cancel") ? Map.of("action", "cancel") : Map.of();
    }

    @Override
    public void run(CommandCall call) {
        Conversation conversation = call.conversation();
        if ("cancel".equals(call.option("action"))) {
            String text = training.cancel() == TrainModel.Cancel.CANCELLING
                    ? "Cancelling the training after the current batch…"
                    : "No training is running.";
            Replies.send(conversation, Reply.text(text));
            return;
        }
        TrainModel.Start start = training.start(new Progress(conversation));
        if (!(start instanceof TrainModel.Started)) {
            Replies.send(conversation, Reply.text(TrainingText.notStarted(start, prefix)));
        }
    }

    /** One progress message, edited after every epoch, then the summary with both curves. */
    private static final class Progress implements TrainModel.Caller {
        private final Conversation conversation;
        private CompletableFuture<Conversation.SentReply> message;

        Progress(Conversation conversation) {
            this.conversation = conversation;
        }

        @Override
        public void onEvent(TrainingEvent event) {
            if (event.kind().equals("started")) {
                message = conversation.send(Reply.text(event.text()));
            } else if (event.kind().equals("epoch")) {
                edit(event.text());
            }
        }

        @Override
        public void onEnd(TrainModel.End end) {
            if (end instanceof TrainModel.Finished f) {
                edit("Training finished: " + f.progress());
                send(new Reply(
                        TrainingText.summary(f.outcome()), curves(f.outcome().modelDirectory())));
            } else {
                send(Reply.text(TrainingText.ended(end)));
            }
        }

        private void edit(String text) {
            if (message == null) {
                return;
            }
            message.thenCompose(sent -> sent.edit(text)).exceptionally(e -> {
                log.warn("Could not edit the progress message: {}", e.getMessage());
                return null;
            });
        }

        private void send(Reply reply) {
            conversation.send(reply).exceptionally(e -> {
                log.error("Could not send a training message: {}", e.getMessage());
                return null;
            });
        }
    }

    private static List<Reply.OutgoingFile> curves(Path modelDirectory) {
        List<Reply.OutgoingFile> files = new ArrayList<>();
        for (String name : List.of(LearningCurves.ACCURACY_FILE, LearningCurves.LOSS_FILE)) {
            try {
                files.add(new Reply.OutgoingFile(name, Files.readAllBytes(modelDirectory.resolve(name))));
            } catch (IOException e) {
                log.warn("Learning curve {} missing: {}", name, e.getMessage());
            }
        }
        return files;
    }
}
