package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Answers drawn from a calibrated 3-class model with logits scaled by 1/T: the fit must find T back. */
    @Test
    void fitsBackTheTemperatureThatMadeAModelOverconfident() {
        Random random = new Random(1);
        int n = 4000;
        double[][] shown = new double[n][];
        int[] actual = new int[n];
        double trueT = 2.5;
        for (int i = 0; i < n; i++) {
            double[] logits = {random.nextGaussian() * 2, random.nextGaussian() * 2, random.nextGaussian() * 2};
            double[] calibrated = softmax(logits, 1);
            double u = random.nextDouble();
            actual[i] = u < calibrated[0] ? 0 : u < calibrated[0] + calibrated[1] ? 1 : 2;
            shown[i] = softmax(logits, trueT); // overconfident: logits multiplied by 2.5
        }
        double t = Calibration.fit(shown, actual);
        assertEquals(trueT, t, 0.25);

        EvaluationResult before = Evaluator.score(List.of("a", "b", "c"), shown, actual, 1.0);
        EvaluationResult after = Evaluator.score(List.of("a", "b", "c"), shown, actual, t);
        assertTrue(before.expectedCalibrationError() > 0.1, "before " + before.expectedCalibrationError());
        assertTrue(after.expectedCalibrationError() < 0.03, "after " + after.expectedCalibrationError());
        assertTrue(after.loss() < before.loss());
        assertEquals(before.accuracy(), after.accuracy(), 1e-12, "a temperature never changes the answer");
    }

    @Test
    void aTinyValidationSplitCannotPushTheTemperatureToAnExtreme() {
        // eight answers, all right at 60%: alone they would ask for the sharpest temperature there is
        double[][] p = new double[8][];
        int[] actual = new int[8];
        for (int i = 0; i < 8; i++) {
            p[i] = new double[] {0.6, 0.4};
        }
        double t = Calibration.fit(p, actual);
        assertTrue(t > 0.4 && t < 1, "T = " + t);
    }

    /**
     * Fifteen validation pictures right at 97% and one wrong at 99.999% (10 pictures per label give
     * 16): the log-likelihood fit softens every answer to T = 1.85 for that one picture.
     */
    @Test
    void oneConfidentlyWrongValidationPictureDoesNotSoftenEveryAnswer() {
        double[][] p = new double[16][];
        int[] actual = new int[16];
        for (int i = 0; i < 15; i++) {
            p[i] = new double[] {0.97, 0.01, 0.01, 0.01};
        }
        p[15] = new double[] {0.99999, 1e-8, 5e-6, 4.99e-6};
        actual[15] = 1;
        double t = Calibration.fit(p, actual);
        assertTrue(t > 0.8 && t < 1.3, "T = " + t);
    }

    @Test
    void scalingKeepsTheOrderAndSumsToOne() {
        double[] p = {0.7, 0.2, 0.1};
        double[] hot = Calibration.scale(p, 0.5);
        double[] cool = Calibration.scale(p, 2);
        assertEquals(1, hot[0] + hot[1] + hot[2], 1e-12);
        assertEquals(1, cool[0] + cool[1] + cool[2], 1e-12);
        assertTrue(hot[0] > 0.7 && cool[0] < 0.7 && cool[0] > cool[1] && cool[1] > cool[2]);
        assertArrayEquals(p, Calibration.scale(p, 1), 1e-12);
    }

    @Test
    void eceIsTheWeightedGapBetweenConfidenceAndAccuracy() {
        // four answers at 0.9 confidence, two right: one bin, |0.5 - 0.9| = 0.4
        double[][] p = {{0.9, 0.1}, {0.9, 0.1}, {0.9, 0.1}, {0.9, 0.1}};
        EvaluationResult r = Evaluator.score(List.of("a", "b"), p, new int[] {0, 0, 1, 1}, 1.0);
        assertEquals(0.4, r.expectedCalibrationError(), 1e-9);
        assertEquals(4, r.answeredAtOrAbove(0.6));
        assertEquals(0.5, r.accuracyAtOrAbove(0.6), 1e-12);
        assertEquals(0, r.answeredAtOrAbove(0.95));
    }

    private static double[] softmax(double[] logits, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l * scale);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] * scale - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
