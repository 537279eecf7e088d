package umimegu.model;

import java.util.List;

/**
 * What a saved model needs beside its weights: its labels in output order, its input spec, the
 * calibration temperature fitted after training ({@link Calibration}; 1 for older models), what it
 * is made of, the backbone it stands on (null when it stands on none), and the calibrated
 * probability below which its answer is "I don't know this one", fitted so that about
 * {@link #UNKNOWN_KNOWN_SHARE} of its validation faces fall below it (NaN when not fitted).
 */
public record ModelInfo(
        List<String> labels,
        InputSpec input,
        double temperature,
        ModelKind kind,
        BackboneSpec backbone,
        double unknownBelow) {
    /** The share of known faces the fitted unknown threshold turns away. */
    public static final double UNKNOWN_KNOWN_SHARE = 0.05;

    public ModelInfo {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a model needs at least 2 labels, got " + labels);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("calibration temperature must be positive, got " + temperature);
        }
        if (kind == null) {
            throw new IllegalArgumentException("model kind is missing");
        }
        if (kind.hasHead() != (backbone != null)) {
            throw new IllegalArgumentException(
                    "a " + kind.configName() + " model " + (kind.hasHead() ? "needs" : "has no") + " backbone");
        }
    }

    /** A model without a fitted unknown threshold. */
    public ModelInfo(List<String> labels, InputSpec input, double temperature, ModelKind kind, BackboneSpec backbone) {
        this(labels, input, temperature, kind, backbone, Double.NaN);
    }

    /** A compact model (a network trained from scratch). */
    public ModelInfo(List<String> labels, InputSpec input, double temperature) {
        this(labels, input, temperature, ModelKind.COMPACT, null);
    }

    public ModelInfo(List<String> labels, InputSpec input) {
        this(labels, input, 1.0);
    }

    public ModelInfo withTemperature(double newTemperature) {
        return new ModelInfo(labels, input, newTemperature, kind, backbone, unknownBelow);
    }
}
