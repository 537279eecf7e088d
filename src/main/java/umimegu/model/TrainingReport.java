package umimegu.model;

import java.util.List;

/**
 * What a training run did: every epoch's figures, the epoch whose weights were kept, why it
 * stopped, the files skipped because they could not be read, the plan it ran with, the fitted
 * calibration (temperature, and the validation split's expected calibration error before and
 * after it), per-label advice, and the epochs after which the learning rate was cut.
 */
public record TrainingReport(
        List<String> labels,
        int trainingImages,
        int validationImages,
        List<EpochStats> history,
        int bestEpoch,
        StopReason stopReason,
        List<String> skippedFiles,
        TrainingPlan plan,
        double temperature,
        double validationEceBefore,
        double validationEce,
        List<LabelAdvice> advice,
        List<Integer> rateDrops) {

    public TrainingReport {
        labels = List.copyOf(labels);
        history = List.copyOf(history);
        skippedFiles = List.copyOf(skippedFiles);
        advice = List.copyOf(advice);
        rateDrops = List.copyOf(rateDrops);
    }

    public List<String> hints() {
        return LabelAdvice.hints(advice);
    }

    public EpochStats best() {
        return history.get(bestEpoch - 1);
    }

    public int epochsRun() {
        return history.size();
    }

    public enum StopReason {
        MAX_EPOCHS,
        EARLY_STOPPING
    }
}
