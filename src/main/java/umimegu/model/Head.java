package umimegu.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What answers on the pretrained backbone in a model: a linear {@link FeatureHead} on the pooled
 * features, or a {@link TunedHead} whose top blocks were trained too. Both read one row per
 * picture, as the backbone's {@link Backbone.Cut} for the model's kind gives it.
 */
public interface Head {
    /** The file a head is saved in, in its model's folder. */
    String FILE = "head.zip";

    /** Each row's probabilities, one per label, before the model's temperature. */
    double[][] probabilities(float[][] rows);

    int labelCount();

    void save(Path file) throws IOException;
}
