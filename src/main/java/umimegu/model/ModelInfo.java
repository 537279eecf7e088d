package umimegu.model;

import java.util.List;

/** What a saved network needs beside its weights: its labels in output order and its input spec. */
public record ModelInfo(List<String> labels, InputSpec input) {
    public ModelInfo {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a model needs at least 2 labels, got " + labels);
        }
    }
}
