package umimegu.bench;

import java.util.Locale;

/** How benchmark figures are printed: one decimal, and percentiles of sorted samples. */
public final class Figures {
    private Figures() {}

    public static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
