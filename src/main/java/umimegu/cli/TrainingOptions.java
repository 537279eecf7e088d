package umimegu.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import umimegu.config.AppConfig;
import umimegu.model.TrainingSettings;

/** Flags that override the training part of the config. */
final class TrainingOptions {
    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "Labelled images, one folder per label (default: images.dir).")
    Path images;

    @Option(names = "--test-images", paramLabel = "DIR", description = "Held-out images (default: images.test-dir).")
    Path testImages;

    @Option(names = "--models", paramLabel = "DIR", description = "Model store (default: models.dir).")
    Path models;

    @Option(names = "--epochs", description = "Most epochs to run (default: train.max-epochs).")
    Integer epochs;

    @Option(names = "--batch", description = "Batch size (default: train.batch-size).")
    Integer batch;

    @Option(
            names = "--patience",
            description = "Epochs without val_loss improvement before stopping (default: train.patience).")
    Integer patience;

    @Option(
            names = "--val-split",
            description = "Share of each label kept for validation (default: train.validation-split).")
    Double validationSplit;

    @Option(names = "--seed", description = "Seed for split, shuffles and weights (default: train.seed).")
    Long seed;

    @Option(
            names = "--augment",
            negatable = true,
            description = "Flip, rotate, scale, shift and brighten training images (default: train.augment).")
    Boolean augment;

    AppConfig apply(AppConfig config) {
        TrainingSettings t = config.training();
        if (epochs != null) {
            t = t.withMaxEpochs(epochs);
        }
        if (batch != null) {
            t = t.withBatchSize(batch);
        }
        if (patience != null) {
            t = t.withPatience(patience);
        }
        if (validationSplit != null) {
            t = t.withValidationSplit(validationSplit);
        }
        if (seed != null) {
            t = t.withSeed(seed);
        }
        if (augment != null) {
            t = t.withAugment(augment);
        }
        return config.withTraining(t).withPaths(config.paths().override(images, testImages, models));
    }
}
