package umimegu.model;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A model loaded from the store: its id (the folder name), folder, network and info. */
public record StoredModel(String id, Path directory, MultiLayerNetwork network, ModelInfo info) {}
