package umimegu.model;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Trains, saves and publishes a model from the labelled pictures: the port {@code usecase.TrainModel} drives. */
public interface ModelTrainer {
    /** The most epochs a training may run. */
    int maxEpochs();

    /** Why a training cannot start now (no picture folder, fewer than two labels…); empty when it can. */
    Optional<String> refusal();

    /** Trains on this thread until done, stopped early, or {@code cancelled} says so (then {@link TrainingCancelledException}). */
    TrainingOutcome train(TrainingListener listener, BooleanSupplier cancelled);
}
