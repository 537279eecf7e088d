package umimegu.model;

/** One row of the learning curves. Epochs count from 1. */
public record EpochStats(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {
    /** An epoch's figures on the training and validation pictures, and the seconds since {@code startNanos}. */
    static EpochStats of(int epoch, EvaluationResult training, EvaluationResult validation, long startNanos) {
        return new EpochStats(
                epoch,
                training.loss(),
                training.accuracy(),
                validation.loss(),
                validation.accuracy(),
                (System.nanoTime() - startNanos) / 1e9);
    }
}
