package umimegu.model;

import java.util.List;

/** The most likely label, its probability, and the probability of every label in model order. */
public record Prediction(String label, double probability, List<Double> probabilities) {
    public Prediction {
        probabilities = List.copyOf(probabilities);
    }
}
