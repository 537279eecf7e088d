package umimegu.model;

import java.util.List;

/**
 * What a saved network needs beside its weights: its labels in output order, its input spec, and
 * the calibration temperature fitted after training ({@link Calibration}; 1 for older models).
 */
public record ModelInfo(List<String> labels, InputSpec input, double temperature) {
    public ModelInfo {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a model needs at least 2 labels, got " + labels);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("calibration temperature must be positive, got " + temperature);
        }
    }

    public ModelInfo(List<String> labels, InputSpec input) {
        this(labels, input, 1.0);
    }
}
