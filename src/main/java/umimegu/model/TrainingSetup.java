package umimegu.model;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What one training needs to know: where the labelled and held-out pictures are, the input the
 * network takes, the hyper-parameters, what kind of model to make ({@code backboneSize}: the
 * picture size the pretrained backbone sees, for kinds with a head), and the configuration to save
 * beside the model.
 */
public record TrainingSetup(
        Path images,
        Path testImages,
        InputSpec input,
        TrainingSettings settings,
        ModelKind kind,
        int backboneSize,
        Properties configUsed) {
    public TrainingSetup {
        Properties copy = new Properties();
        copy.putAll(configUsed);
        configUsed = copy;
        if (kind == null) {
            throw new IllegalArgumentException("model kind is missing");
        }
    }

    /** A compact model's training. */
    public TrainingSetup(
            Path images, Path testImages, InputSpec input, TrainingSettings settings, Properties configUsed) {
        this(images, testImages, input, settings, ModelKind.COMPACT, 160, configUsed);
    }
}
