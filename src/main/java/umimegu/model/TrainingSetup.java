package umimegu.model;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What one training needs to know: where the labelled and held-out pictures are, the input the
 * network takes, the hyper-parameters, and the configuration to save beside the model.
 */
public record TrainingSetup(
        Path images, Path testImages, InputSpec input, TrainingSettings settings, Properties configUsed) {
    public TrainingSetup {
        Properties copy = new Properties();
        copy.putAll(configUsed);
        configUsed = copy;
    }
}
