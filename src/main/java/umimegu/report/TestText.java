package umimegu.report;

import java.util.List;
import java.util.Locale;
import umimegu.model.EvaluationResult;

/** The lines every front end shows for a test: the seed's line, then calibration and the not-sure threshold. */
public final class TestText {
    private TestText() {}

    /** {@code Test loss: x, Test acc: y}, as the seed's script printed it. */
    public static String seedLine(EvaluationResult result) {
        return String.format(Locale.ROOT, "Test loss: %.6f, Test acc: %.6f", result.loss(), result.accuracy());
    }

    /** How well the percentages mean what they say, and what the not-sure threshold holds back. */
    public static List<String> calibration(EvaluationResult result, double temperature, double unsureBelow) {
        int answered = result.answeredAtOrAbove(unsureBelow);
        int total = result.total();
        String above = answered == 0
                ? "none"
                : String.format(
                        Locale.ROOT, "%d of %d, accuracy %.4f", answered, total, result.accuracyAtOrAbove(unsureBelow));
        return List.of(
                String.format(
                        Locale.ROOT,
                        "Calibration error (ECE, %d bins): %.4f (temperature %.3f)",
                        EvaluationResult.CALIBRATION_BINS,
                        result.expectedCalibrationError(),
                        temperature),
                String.format(
                        Locale.ROOT,
                        "Answers at or above %.0f%%: %s; %d held back as not sure",
                        100 * unsureBelow,
                        above,
                        total - answered));
    }
}
