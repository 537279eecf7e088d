package umimegu.model;

/**
 * Hyper-parameters of one training run. {@link #AUTO} (written {@code auto} in the config) for the
 * batch size, minimum epochs and warm-up lets {@link TrainingPlan} size them from the number of
 * training pictures, so that 20 pictures per label get as many gradient steps as 8,000 do.
 * {@code cropFaces} cuts each training and test picture to its largest face first.
 * {@code architecture} picks the network ({@link Architecture}). {@code learningRateDrops}: how many
 * times the learning rate is cut to a fifth when validation loss stalls ({@link LearningRateDrops}).
 */
public record TrainingSettings(
        double validationSplit,
        int batchSize,
        int maxEpochs,
        int patience,
        int minEpochs,
        double learningRate,
        int warmupSteps,
        double weightDecay,
        int learningRateDrops,
        long seed,
        boolean augment,
        boolean cropFaces,
        Architecture architecture) {

    public static final int AUTO = -1;

    public TrainingSettings {
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be between 0 and 1, got " + validationSplit);
        }
        if (batchSize < 1 && batchSize != AUTO) {
            throw new IllegalArgumentException("batch size must be at least 1 (or auto), got " + batchSize);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (minEpochs < 0 && minEpochs != AUTO) {
            throw new IllegalArgumentException("minimum epochs must be 0 or more (or auto), got " + minEpochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (warmupSteps < 0 && warmupSteps != AUTO) {
            throw new IllegalArgumentException("warm-up steps must be 0 or more (or auto), got " + warmupSteps);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight decay must be between 0 and 1, got " + weightDecay);
        }
        if (learningRateDrops < 0) {
            throw new IllegalArgumentException("learning-rate drops must be 0 or more, got " + learningRateDrops);
        }
        if (architecture == null) {
            throw new IllegalArgumentException("architecture is missing");
        }
    }

    /**
     * The seed's Keras recipe as it was: its network, batch 128, no warm-up, no augmentation, a fixed
     * learning rate, stop at any epoch.
     */
    public TrainingSettings asSeedRecipe() {
        return new TrainingSettings(
                validationSplit, 128, maxEpochs, 10, 0, 1e-3, 0, 0, 0, seed, false, cropFaces, Architecture.SEED);
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                epochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(
                validationSplit,
                size,
                maxEpochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withPatience(int epochs) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                maxEpochs,
                epochs,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withMinEpochs(int epochs) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                maxEpochs,
                patience,
                epochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                maxEpochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                newSeed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withAugment(boolean on) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                maxEpochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                on,
                cropFaces,
                architecture);
    }

    public TrainingSettings withValidationSplit(double split) {
        return new TrainingSettings(
                split,
                batchSize,
                maxEpochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                architecture);
    }

    public TrainingSettings withArchitecture(Architecture network) {
        return new TrainingSettings(
                validationSplit,
                batchSize,
                maxEpochs,
                patience,
                minEpochs,
                learningRate,
                warmupSteps,
                weightDecay,
                learningRateDrops,
                seed,
                augment,
                cropFaces,
                network);
    }
}
