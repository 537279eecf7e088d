package umimegu.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Scores a network in inference mode: mean cross-entropy, accuracy, confusion matrix, and each
 * answer's confidence for calibration figures, with the model's temperature applied.
 */
public final class Evaluator {
    private static final double MIN_PROBABILITY = 1e-7; // as Keras clips before the log
    /** Batch size for inference-mode scoring; it changes no figure, only memory and speed. */
    public static final int BATCH = 64;

    private Evaluator() {}

    /** Class probabilities per image, in the order of {@code batches}, as the network gives them. */
    public static double[][] outputs(MultiLayerNetwork network, Batches batches, int batchSize) {
        int classes = batches.images().labels().size();
        double[][] out = new double[batches.images().size()][];
        for (List<Integer> plan : batches.plan(batchSize, null)) {
            DataSet batch = batches.build(plan, null, null);
            INDArray output = network.output(batch.getFeatures(), false);
            for (int row = 0; row < plan.size(); row++) {
                double[] p = new double[classes];
                for (int c = 0; c < classes; c++) {
                    p[c] = output.getDouble(row, c);
                }
                out[plan.get(row)] = p;
            }
        }
        return out;
    }

    public static EvaluationResult evaluate(MultiLayerNetwork network, Batches batches, int batchSize) {
        return evaluate(network, batches, batchSize, 1.0);
    }

    public static EvaluationResult evaluate(
            MultiLayerNetwork network, Batches batches, int batchSize, double temperature) {
        return score(
                batches.images().labels(),
                outputs(network, batches, batchSize),
                batches.images().labelIndex(),
                temperature);
    }

    public static EvaluationResult score(
            List<String> labels, double[][] probabilities, int[] actual, double temperature) {
        int[][] confusion = new int[labels.size()][labels.size()];
        double[] confidence = new double[probabilities.length];
        boolean[] correct = new boolean[probabilities.length];
        double lossSum = 0;
        int right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double[] p = Calibration.scale(probabilities[i], temperature);
            int predicted = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[predicted]) {
                    predicted = c;
                }
            }
            lossSum -= Math.log(Math.max(MIN_PROBABILITY, p[actual[i]]));
            confusion[actual[i]][predicted]++;
            confidence[i] = p[predicted];
            correct[i] = predicted == actual[i];
            if (correct[i]) {
                right++;
            }
        }
        int count = probabilities.length;
        return new EvaluationResult(
                labels,
                count == 0 ? Double.NaN : lossSum / count,
                count == 0 ? Double.NaN : (double) right / count,
                confusion,
                confidence,
                correct);
    }
}
