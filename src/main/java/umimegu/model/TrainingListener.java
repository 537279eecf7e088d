package umimegu.model;

/** Progress of a running training, for a progress bar or an edited chat message. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {};

    /** Training is about to start; the curves are rewritten in {@code workDirectory} after every epoch. */
    default void onStart(java.nio.file.Path workDirectory, int trainingImages, int validationImages) {}

    default void onLoading(int imagesDone, int imagesTotal) {}

    default void onBatch(int epoch, int batchesDone, int batchesInEpoch) {}

    /** Called after each epoch with the history so far. */
    default void onEpoch(EpochStats stats, java.util.List<EpochStats> history) {}
}
