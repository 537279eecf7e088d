package umimegu.model;

/**
 * Tracks validation loss: remembers the best epoch and says when patience has run out, but never
 * before {@code minEpochs} epochs have run (a small set's loss jumps about in its first epochs).
 */
public final class EarlyStopping {
    private final int patience;
    private final int minEpochs;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int lastEpoch;
    private int epochsWithoutImprovement;

    public EarlyStopping(int patience) {
        this(patience, 0);
    }

    public EarlyStopping(int patience, int minEpochs) {
        this.patience = patience;
        this.minEpochs = minEpochs;
    }

    /** Records an epoch's validation loss; returns true when it is the best so far. */
    public boolean record(int epoch, double validationLoss) {
        lastEpoch = epoch;
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    public boolean shouldStop() {
        return epochsWithoutImprovement >= patience && lastEpoch >= minEpochs;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
