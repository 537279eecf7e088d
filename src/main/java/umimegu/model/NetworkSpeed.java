package umimegu.model;

import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of a freshly built network on random pictures, for {@code bench}: training throughput,
 * single-picture latency and batched inference. Inference runs on the network answers use
 * ({@link FoldedNetwork}). Each measurement warms up first (workspaces, oneDNN primitive caches, JIT).
 */
public final class NetworkSpeed {
    private final InputSpec input;
    private final MultiLayerNetwork network;
    private MultiLayerNetwork answering;

    public NetworkSpeed(InputSpec input, Architecture architecture) {
        this.input = input;
        TrainingSettings settings = new TrainingSettings(0.2, 32, 1, 1, 0, 1e-3, 0, 0, 0, 1, false, false, architecture);
        this.network = NetworkFactory.create(input, 2, settings, new TrainingPlan(32, 1, 0, 0));
    }

    public String backend() {
        return OneDnn.backend();
    }

    public boolean convolutionOnOneDnn() {
        return OneDnn.convolutionActive(network);
    }

    public double trainingImagesPerSecond(int batch, int batches) {
        DataSet data = randomBatch(batch);
        for (int i = 0; i < 2; i++) {
            network.fit(data);
        }
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            network.fit(data);
        }
        return batches * (double) batch / ((System.nanoTime() - start) / 1e9);
    }

    /** Sorted latencies of {@code runs} single-picture predictions, in milliseconds. */
    public double[] singleImageLatenciesMs(int runs) {
        INDArray image = randomBatch(1).getFeatures();
        MultiLayerNetwork answers = answering();
        for (int i = 0; i < 50; i++) { // as many as the PyTorch peer's warm-up
            answers.output(image, false);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            answers.output(image, false);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    public double batchedImagesPerSecond(int batch) {
        INDArray images = randomBatch(batch).getFeatures();
        MultiLayerNetwork answers = answering();
        answers.output(images, false);
        int runs = 5;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            answers.output(images, false);
        }
        return runs * (double) batch / ((System.nanoTime() - start) / 1e9);
    }

    private MultiLayerNetwork answering() {
        if (answering == null) {
            answering = FoldedNetwork.of(network, input);
        }
        return answering;
    }

    private DataSet randomBatch(int batch) {
        Nd4j.getRandom().setSeed(7);
        INDArray features = Nd4j.rand(DataType.FLOAT, batch, InputSpec.CHANNELS, input.height(), input.width());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, 2);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 2, 1f);
        }
        return new DataSet(features, labels);
    }
}
