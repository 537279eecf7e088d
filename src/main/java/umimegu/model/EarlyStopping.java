package umimegu.model;

/**
 * Tracks validation loss: remembers the best epoch and says when patience has run out, but never
 * before {@code minEpochs} epochs have run. Epochs before {@code firstCandidate} cannot be the best:
 * on a small validation split an early epoch's loss can be lowest by chance (docs/training.md).
 */
public final class EarlyStopping {
    private final int patience;
    private final int minEpochs;
    private final int firstCandidate;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int lastEpoch;
    private int epochsWithoutImprovement;

    public EarlyStopping(int patience) {
        this(patience, 0);
    }

    public EarlyStopping(int patience, int minEpochs) {
        this(patience, minEpochs, 1);
    }

    public EarlyStopping(int patience, int minEpochs, int firstCandidate) {
        this.patience = patience;
        this.minEpochs = minEpochs;
        this.firstCandidate = Math.max(1, firstCandidate);
    }

    /** Records an epoch's validation loss; returns true when it is the best so far. */
    public boolean record(int epoch, double validationLoss) {
        lastEpoch = epoch;
        if (epoch < firstCandidate) {
            return false;
        }
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }

    /** Counts patience from now, as after an improvement, keeping the best epoch. */
    void restartPatience() {
        epochsWithoutImprovement = 0;
    }

    public boolean shouldStop() {
        return epochsWithoutImprovement >= patience && lastEpoch >= minEpochs;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
