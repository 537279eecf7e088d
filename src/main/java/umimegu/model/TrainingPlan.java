package umimegu.model;

/**
 * The batch size, minimum epochs and warm-up one training actually uses, with {@code auto}
 * settings sized from the number of training pictures: batches of about an eighth of the set
 * (8 to 32), so a small set still takes several steps per epoch; at least {@link #MIN_STEPS}
 * gradient steps before early stopping may stop; a linear learning-rate warm-up over the first two
 * epochs' steps (10 to 100), which keeps Adam from diverging on its first few updates.
 */
public record TrainingPlan(int batchSize, int stepsPerEpoch, int minEpochs, int warmupSteps) {
    /** The first epoch whose weights may be kept: half the minimum, so a lucky early epoch is not. */
    public int firstCandidateEpoch() {
        return Math.max(1, minEpochs / 2);
    }

    static final int MIN_STEPS = 400;

    public static TrainingPlan of(TrainingSettings settings, int trainingImages) {
        int n = Math.max(1, trainingImages);
        int batch = settings.batchSize() != TrainingSettings.AUTO
                ? settings.batchSize()
                : Math.max(8, Math.min(32, Integer.highestOneBit(Math.max(1, n / 8))));
        int steps = (n + batch - 1) / batch;
        int minEpochs = settings.minEpochs() != TrainingSettings.AUTO
                ? settings.minEpochs()
                : Math.max(10, (MIN_STEPS + steps - 1) / steps);
        minEpochs = Math.min(minEpochs, settings.maxEpochs());
        int warmup = settings.warmupSteps() != TrainingSettings.AUTO
                ? settings.warmupSteps()
                : Math.max(10, Math.min(100, 2 * steps));
        return new TrainingPlan(batch, steps, minEpochs, warmup);
    }
}
