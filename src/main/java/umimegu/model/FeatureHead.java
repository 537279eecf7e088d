package umimegu.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A linear softmax head on the pretrained backbone's features: trained on features standardised by
 * the training rows (Adam, full batch, an L2 pull), then saved with the standardisation folded into
 * its weights, so answering is one small matrix product. The recipe was measured with
 * {@code bench --only probe} (docs/pretrained.md).
 */
public final class FeatureHead implements Head {
    /** Full-batch steps in all, shown as {@link #ROUNDS} rounds on the learning curves. */
    static final int STEPS = 300;

    public static final int ROUNDS = 10;
    /** 1e-4 and 1e-3 fit few pictures too closely, 1e-2 to 1e-1 do alike (docs/pretrained.md). */
    static final double L2 = 1e-2;

    private final MultiLayerNetwork network;

    private FeatureHead(MultiLayerNetwork network) {
        this.network = network;
    }

    /** Feature rows with their label indexes. */
    public record Rows(float[][] features, int[] labels) {
        public Rows {
            if (features.length != labels.length) {
                throw new IllegalArgumentException(features.length + " rows, " + labels.length + " labels");
            }
        }

        /** These rows followed by those. */
        public static Rows concat(Rows a, Rows b) {
            float[][] features = new float[a.features.length + b.features.length][];
            int[] labels = new int[features.length];
            System.arraycopy(a.features, 0, features, 0, a.features.length);
            System.arraycopy(b.features, 0, features, a.features.length, b.features.length);
            System.arraycopy(a.labels, 0, labels, 0, a.labels.length);
            System.arraycopy(b.labels, 0, labels, a.labels.length, b.labels.length);
            return new Rows(features, labels);
        }
    }

    /** A trained head and its learning curve, one entry per round. */
    public record Trained(FeatureHead head, List<EpochStats> history) {}

    /**
     * Trains a head on {@code training}; after each round the listener gets the figures on
     * {@code training} and {@code validation}.
     */
    public static Trained train(
            Rows training,
            Rows validation,
            List<String> labels,
            long seed,
            TrainingListener listener,
            BooleanSupplier cancelled) {
        int features = training.features()[0].length;
        MultiLayerNetwork network = network(features, labels.size(), seed);
        INDArray x = Nd4j.create(training.features());
        INDArray mean = x.mean(0);
        INDArray sd = x.std(0).addi(1e-6);
        DataSet data = new DataSet(x.subRowVector(mean).diviRowVector(sd), oneHot(training.labels(), labels.size()));
        INDArray validationInput =
                Nd4j.create(validation.features()).subRowVector(mean).diviRowVector(sd);
        FeatureHead standardised = new FeatureHead(network); // the head in training, on standardised rows
        List<EpochStats> history = new ArrayList<>();
        int perRound = STEPS / ROUNDS;
        FullBatchAdam adam = new FullBatchAdam(network, data.getFeatures(), data.getLabels());
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            for (int step = 0; step < perRound; step++) {
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException();
                }
                adam.step();
            }
            listener.onBatch(round, perRound, perRound);
            EvaluationResult onTraining = score(labels, standardised.rawProbabilities(data.getFeatures()), training);
            EvaluationResult onValidation = score(labels, standardised.rawProbabilities(validationInput), validation);
            EpochStats stats = EpochStats.of(round, onTraining, onValidation, start);
            history.add(stats);
            listener.onEpoch(stats, List.copyOf(history));
        }
        return new Trained(new FeatureHead(folded(network, mean, sd, seed)), history);
    }

    /**
     * The steps {@code network.fit} would take on the whole batch (mean cross-entropy, L2 on the
     * weights, Adam with DL4J's defaults), as four matrix products each: DL4J's per-call overhead
     * made a step of a 1632×8 layer take 25 ms, most of a retraining (docs/pretrained.md).
     */
    private static final class FullBatchAdam {
        private static final double RATE = 0.01;
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;

        private final INDArray w;
        private final INDArray b;
        private final INDArray x;
        private final INDArray xt;
        private final INDArray y;
        private final INDArray mw;
        private final INDArray vw;
        private final INDArray mb;
        private final INDArray vb;
        private int t;

        FullBatchAdam(MultiLayerNetwork network, INDArray x, INDArray y) {
            this.w = network.getLayer(0).getParam("W"); // views of the network's parameters: updated in place
            this.b = network.getLayer(0).getParam("b");
            this.x = x;
            this.xt = x.transpose().dup();
            this.y = y;
            this.mw = Nd4j.zerosLike(w);
            this.vw = Nd4j.zerosLike(w);
            this.mb = Nd4j.zerosLike(b);
            this.vb = Nd4j.zerosLike(b);
        }

        void step() {
            INDArray logits = x.mmul(w).addiRowVector(b);
            INDArray p = org.nd4j.linalg.ops.transforms.Transforms.softmax(logits, false);
            INDArray g = p.subi(y).divi(x.rows()); // d(mean cross-entropy)/d(logits)
            INDArray gw = xt.mmul(g).addi(w.mul(L2));
            INDArray gb = g.sum(0).reshape(b.shape());
            t++;
            update(w, gw, mw, vw);
            update(b, gb, mb, vb);
        }

        private void update(INDArray param, INDArray grad, INDArray m, INDArray v) {
            m.muli(BETA1).addi(grad.mul(1 - BETA1));
            v.muli(BETA2).addi(grad.mul(grad).muli(1 - BETA2));
            double alpha = RATE * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            param.subi(m.mul(alpha)
                    .divi(org.nd4j.linalg.ops.transforms.Transforms.sqrt(v, true)
                            .addi(EPSILON)));
        }
    }

    private static EvaluationResult score(List<String> labels, double[][] probabilities, Rows rows) {
        return Evaluator.score(labels, probabilities, rows.labels(), 1.0);
    }

    /** Each row's probabilities, one per label. */
    @Override
    public double[][] probabilities(float[][] rows) {
        return rawProbabilities(Nd4j.create(rows));
    }

    private double[][] rawProbabilities(INDArray rows) {
        synchronized (network) {
            return network.output(rows, false).toDoubleMatrix();
        }
    }

    /** Copies of the weights [features, labels] and the bias [1, labels]. */
    INDArray[] parameters() {
        return new INDArray[] {
            network.getLayer(0).getParam("W").dup(),
            network.getLayer(0).getParam("b").dup()
        };
    }

    @Override
    public int labelCount() {
        return (int) network.getLayer(0).getParam("W").size(1);
    }

    public int featureCount() {
        return (int) network.getLayer(0).getParam("W").size(0);
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), false);
    }

    public static FeatureHead load(Path file) throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        if (network.getnLayers() != 1 || !(network.getLayer(0).conf().getLayer() instanceof OutputLayer)) {
            throw new IOException(file.getFileName() + " is not a feature head");
        }
        return new FeatureHead(network);
    }

    /** W·((x − m)/s) + b written as (W/s)·x + (b − (m/s)·W): the same answers without the standardisation step. */
    private static MultiLayerNetwork folded(MultiLayerNetwork trained, INDArray mean, INDArray sd, long seed) {
        INDArray w = trained.getLayer(0).getParam("W"); // [features, labels]
        INDArray b = trained.getLayer(0).getParam("b"); // [1, labels]
        INDArray scaled = w.divColumnVector(sd.reshape(sd.length(), 1));
        INDArray bias = b.sub(mean.reshape(1, mean.length()).mmul(scaled));
        MultiLayerNetwork out = network((int) w.size(0), (int) w.size(1), seed);
        out.getLayer(0).setParam("W", scaled);
        out.getLayer(0).setParam("b", bias.reshape(b.shape()));
        return out;
    }

    private static MultiLayerNetwork network(int features, int labels, long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .l2(L2)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(features)
                        .nOut(labels)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
        network.init();
        return network;
    }

    private static INDArray oneHot(int[] labels, int count) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, count);
        for (int i = 0; i < labels.length; i++) {
            out.putScalar(i, labels[i], 1f);
        }
        return out;
    }
}
