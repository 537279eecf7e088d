package umimegu.model;

import java.util.List;

/**
 * Loss, accuracy and confusion matrix on a set of images; {@code confusion[actual][predicted]}.
 */
public record EvaluationResult(List<String> labels, double loss, double accuracy, int[][] confusion) {

    public EvaluationResult {
        labels = List.copyOf(labels);
    }

    public int total() {
        int total = 0;
        for (int[] row : confusion) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    public double precision(int label) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    public double recall(int label) {
        int actual = 0;
        for (int count : confusion[label]) {
            actual += count;
        }
        return actual == 0 ? 0 : (double) confusion[label][label] / actual;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
