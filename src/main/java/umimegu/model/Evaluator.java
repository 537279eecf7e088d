package umimegu.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Scores a network in inference mode: mean cross-entropy, accuracy and confusion matrix. */
public final class Evaluator {
    private static final double MIN_PROBABILITY = 1e-7; // as Keras clips before the log

    private Evaluator() {
    }

    public static EvaluationResult evaluate(MultiLayerNetwork network, Batches batches, int batchSize) {
        List<String> labels = batches.images().labels();
        int[][] confusion = new int[labels.size()][labels.size()];
        double lossSum = 0;
        int correct = 0;
        int count = 0;
        for (List<Integer> plan : batches.plan(batchSize, null)) {
            DataSet batch = batches.build(plan, null, null);
            INDArray output = network.output(batch.getFeatures(), false);
            for (int row = 0; row < plan.size(); row++) {
                int actual = batches.images().labelIndex()[plan.get(row)];
                int predicted = output.getRow(row).argMax().getInt(0);
                lossSum -= Math.log(Math.max(MIN_PROBABILITY, output.getDouble(row, actual)));
                confusion[actual][predicted]++;
                if (actual == predicted) {
                    correct++;
                }
                count++;
            }
        }
        return new EvaluationResult(labels, count == 0 ? Double.NaN : lossSum / count,
                count == 0 ? Double.NaN : (double) correct / count, confusion);
    }
}
