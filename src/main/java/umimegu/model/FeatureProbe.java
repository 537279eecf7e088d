package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import umimegu.model.backbone.BackboneWeights;
import umimegu.model.backbone.MobileNetV2;
import umimegu.model.engine.OneDnn;

/**
 * How much the pretrained features know of who is who, before any recipe is built on them: the
 * backbone's L2-normalised {@link MobileNetV2#FEATURES} of each picture, and a linear softmax
 * probe trained on them (for {@code bench --only probe}).
 */
public final class FeatureProbe {
    private static final int BATCH = 16;
    private static final int EPOCHS = 300;
    /** Measured on anime8: 1e-4 and 1e-3 fit the few pictures too closely, 1e-2 to 1e-1 do alike (docs/pretrained.md). */
    private static final double L2 = 1e-2;

    private final ComputationGraph graph;
    private final Preprocessor preprocessor;

    public FeatureProbe(int size) {
        OneDnn.enable();
        this.graph = MobileNetV2.features(BackboneWeights.load(MobileNetV2.RESOURCE), size, List.of());
        this.preprocessor = new Preprocessor(new InputSpec(size, size, InputSpec.Scaling.ZERO_ONE));
    }

    /** The features of each picture, one row each, of length 1 (Euclidean). */
    public float[][] features(List<BufferedImage> pictures) {
        float[][] rows = new float[pictures.size()][];
        for (int from = 0; from < pictures.size(); from += BATCH) {
            List<BufferedImage> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
            INDArray out = graph.output(preprocessor.toBatch(
                    batch.stream().map(preprocessor::toPixels).toList()))[0];
            for (int i = 0; i < batch.size(); i++) {
                INDArray row = out.getRow(i);
                rows[from + i] = row.div(Math.max(1e-12, row.norm2Number().doubleValue()))
                        .toFloatVector();
            }
        }
        return rows;
    }

    /**
     * A linear softmax probe trained (Adam, full batch, an L2 pull) on the training rows and their
     * label indexes, each feature standardised by the training rows' mean and spread (the pools
     * differ in scale).
     */
    public static Probe train(float[][] train, int[] trainLabels, int labels, long seed) {
        MultiLayerNetwork probe = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .l2(L2)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(train[0].length)
                        .nOut(labels)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
        probe.init();
        INDArray x = Nd4j.create(train);
        INDArray mean = x.mean(0);
        INDArray sd = x.std(0).addi(1e-6);
        DataSet data = new DataSet(x.subRowVector(mean).diviRowVector(sd), oneHot(trainLabels, labels));
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            probe.fit(data);
        }
        return new Probe(probe, mean, sd);
    }

    /** A trained probe. */
    public static final class Probe {
        private final MultiLayerNetwork network;
        private final INDArray mean;
        private final INDArray sd;

        private Probe(MultiLayerNetwork network, INDArray mean, INDArray sd) {
            this.network = network;
            this.mean = mean;
            this.sd = sd;
        }

        /** Each row's probabilities, one per label. */
        public double[][] probabilities(float[][] rows) {
            return network.output(Nd4j.create(rows).subRowVector(mean).diviRowVector(sd))
                    .toDoubleMatrix();
        }

        /** The share of rows whose most probable label is the given one. */
        public double accuracy(float[][] rows, int[] labels) {
            double[][] p = probabilities(rows);
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int c = 1; c < p[i].length; c++) {
                    best = p[i][c] > p[i][best] ? c : best;
                }
                right += best == labels[i] ? 1 : 0;
            }
            return right / (double) p.length;
        }
    }

    private static INDArray oneHot(int[] labels, int count) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, count);
        for (int i = 0; i < labels.length; i++) {
            out.putScalar(i, labels[i], 1f);
        }
        return out;
    }
}
