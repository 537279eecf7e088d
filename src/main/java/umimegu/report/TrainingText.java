package umimegu.report;

import java.util.Locale;
import umimegu.common.ServerPaths;
import umimegu.model.TrainingOutcome;
import umimegu.usecase.TrainModel;

/** What every front end says of a training: why it did not start, how it ended, and the summary. */
public final class TrainingText {
    private TrainingText() {}

    /** Why a training did not start; {@code prefix} starts the chat's commands ({@code !}). */
    public static String notStarted(TrainModel.Start start, String prefix) {
        if (start instanceof TrainModel.AlreadyRunning r) {
            return "A training is already running: " + r.progress() + ". `" + prefix + "train cancel` stops it.";
        }
        if (start instanceof TrainModel.RunningElsewhere) {
            return "A training is already running in another bot process; its model will answer here too when it is done."
                    + " (Had that process stopped, its lock would be taken over within 15 seconds.)";
        }
        if (start instanceof TrainModel.Refused r) {
            return "I can't train now: " + ServerPaths.hidden(r.reason()) + ".";
        }
        return "Training started.";
    }

    /** A training that did not finish: cancelled or failed. */
    public static String ended(TrainModel.End end) {
        if (end instanceof TrainModel.Failed f) {
            return "Training failed: " + ServerPaths.hidden(f.cause().getMessage())
                    + ". The previous model keeps answering.";
        }
        if (end instanceof TrainModel.Finished f) {
            return summary(f.outcome());
        }
        return "Training cancelled; the previous model keeps answering.";
    }

    /** Epochs, the best epoch, the new model, the test score when there is a test set, and per-label advice. */
    public static String summary(TrainingOutcome outcome) {
        var report = outcome.report();
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "Training done: %d epochs run, best epoch %d (val_acc %.4f). Model %s is now answering.",
                report.epochsRun(),
                report.bestEpoch(),
                report.best().valAccuracy(),
                outcome.modelId()));
        outcome.test().ifPresent(t -> s.append("\n").append(TestText.seedLine(t)));
        report.hints().forEach(h -> s.append("\n• ").append(h));
        return s.toString();
    }
}
