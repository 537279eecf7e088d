package umimegu.model;

/**
 * Temperature scaling (Guo et al., 2017): one number T that divides the network's logits, fitted
 * on the validation split so that "56%" is right about 56% of the time. {@link #fit} minimises the
 * mean Brier score with a weak pull of T towards 1, not the negative log-likelihood that Guo et al.
 * use (why: docs/training.md, "Calibration"). The logits are recovered from the softmax output up
 * to a constant per row (log p), which the softmax cancels, so T works on probabilities alone.
 */
public final class Calibration {
    private static final double MIN_PROBABILITY = 1e-12;
    private static final double MIN_T = 0.05;
    private static final double MAX_T = 20;
    private static final double PRIOR_SD = 0.5;
    private static final int GRID_STEPS = 120;

    private Calibration() {}

    /** The probabilities the network would give with its logits divided by {@code temperature}. */
    public static double[] scale(double[] probabilities, double temperature) {
        if (temperature == 1.0) {
            return probabilities.clone();
        }
        double[] logits = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.log(Math.max(MIN_PROBABILITY, probabilities[i])) / temperature;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /**
     * The temperature in [0.05, 20] that minimises the mean Brier score of {@code actual}, with a
     * weak prior that T is near 1 (log T ~ N(0, 0.5²), weighing as much as one answer), because a
     * small validation split cannot tell T = 0.3 from T = 1. The Brier score, because one
     * confidently wrong picture costs at most 2 in it but without bound in the log-likelihood; on
     * large splits both give the same T. Measured: docs/training.md.
     */
    public static double fit(double[][] probabilities, int[] actual) {
        if (probabilities.length == 0) {
            return 1.0;
        }
        // a grid on log T finds the best region (the Brier score need not be unimodal in T), then a
        // golden-section search refines between its neighbours
        double min = Math.log(MIN_T);
        double step = (Math.log(MAX_T) - min) / GRID_STEPS;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID_STEPS; i++) {
            double value = objective(probabilities, actual, Math.exp(min + i * step));
            if (value < bestValue) {
                bestValue = value;
                best = i;
            }
        }
        double lo = min + Math.max(0, best - 1) * step;
        double hi = min + Math.min(GRID_STEPS, best + 1) * step;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = objective(probabilities, actual, Math.exp(a));
        double fb = objective(probabilities, actual, Math.exp(b));
        for (int i = 0; i < 40; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = objective(probabilities, actual, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = objective(probabilities, actual, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double objective(double[][] probabilities, int[] actual, double temperature) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double[] scaled = scale(probabilities[i], temperature);
            for (int c = 0; c < scaled.length; c++) {
                double target = c == actual[i] ? 1 : 0;
                sum += (scaled[c] - target) * (scaled[c] - target);
            }
        }
        double logT = Math.log(temperature);
        return (sum + logT * logT / (2 * PRIOR_SD * PRIOR_SD)) / probabilities.length;
    }
}
