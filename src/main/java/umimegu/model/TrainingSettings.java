package umimegu.model;

/**
 * Hyper-parameters of one training run; defaults follow the seed's Keras script. {@code cropFaces}
 * cuts each training and test picture to its largest face first (for folders of whole pictures).
 */
public record TrainingSettings(
        double validationSplit,
        int batchSize,
        int maxEpochs,
        int patience,
        double learningRate,
        long seed,
        boolean augment,
        boolean cropFaces) {

    public TrainingSettings {
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be between 0 and 1, got " + validationSplit);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return new TrainingSettings(validationSplit, batchSize, epochs, patience, learningRate, seed, augment, cropFaces);
    }

    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(validationSplit, size, maxEpochs, patience, learningRate, seed, augment, cropFaces);
    }

    public TrainingSettings withPatience(int epochs) {
        return new TrainingSettings(validationSplit, batchSize, maxEpochs, epochs, learningRate, seed, augment, cropFaces);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(validationSplit, batchSize, maxEpochs, patience, learningRate, newSeed, augment, cropFaces);
    }

    public TrainingSettings withAugment(boolean on) {
        return new TrainingSettings(validationSplit, batchSize, maxEpochs, patience, learningRate, seed, on, cropFaces);
    }

    public TrainingSettings withValidationSplit(double split) {
        return new TrainingSettings(split, batchSize, maxEpochs, patience, learningRate, seed, augment, cropFaces);
    }
}
