package umimegu.model;

import java.util.List;

/**
 * What a training run did: every epoch's figures, the epoch whose weights were kept, why it
 * stopped, and the files skipped because they could not be read.
 */
public record TrainingReport(List<String> labels, int trainingImages, int validationImages, List<EpochStats> history,
                             int bestEpoch, StopReason stopReason, List<String> skippedFiles) {

    public TrainingReport {
        labels = List.copyOf(labels);
        history = List.copyOf(history);
        skippedFiles = List.copyOf(skippedFiles);
    }

    public EpochStats best() {
        return history.get(bestEpoch - 1);
    }

    public int epochsRun() {
        return history.size();
    }

    public enum StopReason { MAX_EPOCHS, EARLY_STOPPING }
}
