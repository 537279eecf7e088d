package umimegu.model;

/** Tracks validation loss: remembers the best epoch and says when patience has run out. */
public final class EarlyStopping {
    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records an epoch's validation loss; returns true when it is the best so far. */
    public boolean record(int epoch, double validationLoss) {
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
        return epochsWithoutImprovement >= patience;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
