package umimegu.model;

/**
 * Reduce-on-plateau: when validation loss has not improved for half the patience, the learning
 * rate is cut to a fifth, up to {@code drops} times, and early stopping counts its patience again
 * from there. Without it a small set stopped at the first plateau of a fixed rate, which the
 * validation noise of 14 pictures per label put anywhere between epoch 18 and 34 (test accuracy
 * 0.88-0.93 at 70 pictures per label).
 */
final class LearningRateDrops {
    static final double FACTOR = 0.2;

    private final int stalledEpochs;
    private int dropsLeft;
    private double rate;

    LearningRateDrops(int drops, int patience, double rate) {
        this.dropsLeft = drops;
        this.stalledEpochs = Math.max(1, (patience + 1) / 2);
        this.rate = rate;
    }

    /** The new learning rate when this epoch calls for a drop, or NaN when it does not. */
    double next(EarlyStopping stopping) {
        if (dropsLeft == 0 || stopping.epochsWithoutImprovement() < stalledEpochs) {
            return Double.NaN;
        }
        dropsLeft--;
        rate *= FACTOR;
        stopping.restartPatience();
        return rate;
    }

    /** Early stopping may stop only after the last drop has had its chance. */
    boolean exhausted() {
        return dropsLeft == 0;
    }
}
