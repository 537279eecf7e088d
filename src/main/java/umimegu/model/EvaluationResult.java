package umimegu.model;

import java.util.List;

/**
 * Loss, accuracy and confusion matrix on a set of images; {@code confusion[actual][predicted]};
 * per image, the confidence of the answer given and whether it was right (for calibration).
 */
public record EvaluationResult(
        List<String> labels, double loss, double accuracy, int[][] confusion, double[] confidence, boolean[] correct) {
    public static final int CALIBRATION_BINS = 10;

    public EvaluationResult {
        labels = List.copyOf(labels);
    }

    /** One confidence bin of a reliability diagram: answers whose confidence fell in [from, to). */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

    public List<Bin> reliability() {
        int bins = CALIBRATION_BINS;
        int[] count = new int[bins];
        double[] confidenceSum = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            count[b]++;
            confidenceSum[b] += confidence[i];
            right[b] += correct[i] ? 1 : 0;
        }
        java.util.ArrayList<Bin> out = new java.util.ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin(
                    (double) b / bins,
                    (double) (b + 1) / bins,
                    count[b],
                    count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) right[b] / count[b]));
        }
        return out;
    }

    /** Expected calibration error over {@link #CALIBRATION_BINS} equal-width bins: mean |accuracy - confidence|, weighted by bin size. */
    public double expectedCalibrationError() {
        if (confidence.length == 0) {
            return Double.NaN;
        }
        double ece = 0;
        for (Bin bin : reliability()) {
            if (bin.count() > 0) {
                ece += (double) bin.count() / confidence.length * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        return ece;
    }

    /** How many answers had a confidence of at least {@code threshold}. */
    public int answeredAtOrAbove(double threshold) {
        int n = 0;
        for (double c : confidence) {
            n += c >= threshold ? 1 : 0;
        }
        return n;
    }

    /** Accuracy of the answers with confidence of at least {@code threshold} (NaN when there are none). */
    public double accuracyAtOrAbove(double threshold) {
        int n = 0;
        int right = 0;
        for (int i = 0; i < confidence.length; i++) {
            if (confidence[i] >= threshold) {
                n++;
                right += correct[i] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) right / n;
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
