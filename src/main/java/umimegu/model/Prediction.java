package umimegu.model;

import java.util.List;

/**
 * The most likely label, its probability, the probability of every label in model order, and the
 * probability below which the model that made it would rather say it does not know the face (its
 * own fitted threshold; NaN when it has none).
 */
public record Prediction(String label, double probability, List<Double> probabilities, double modelUnknownBelow) {
    public Prediction {
        probabilities = List.copyOf(probabilities);
    }

    public Prediction(String label, double probability, List<Double> probabilities) {
        this(label, probability, probabilities, Double.NaN);
    }
}
