package umimegu.model;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A model loaded from the store: its id (the folder name), folder, network, info, and the head on
 * the pretrained backbone. {@code network} is null in a {@link ModelKind#PRETRAINED} model,
 * {@code head} in a {@link ModelKind#COMPACT} one.
 */
public record StoredModel(String id, Path directory, MultiLayerNetwork network, ModelInfo info, Head head) {
    public StoredModel {
        if (info.kind().hasNetwork() != (network != null) || info.kind().hasHead() != (head != null)) {
            throw new IllegalArgumentException("a " + info.kind().configName() + " model "
                    + (info.kind().hasNetwork() ? "needs" : "has no") + " network and "
                    + (info.kind().hasHead() ? "needs" : "has no") + " head");
        }
    }

    /** A compact model. */
    public StoredModel(String id, Path directory, MultiLayerNetwork network, ModelInfo info) {
        this(id, directory, network, info, null);
    }
}
