package umimegu.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import umimegu.model.backbone.MobileNetV2;

/**
 * The backbone's top blocks trained with a linear head: block 12 and {@code expanded_conv_13/expand}
 * start from their pretrained weights and learn from the activations the backbone kept at
 * {@link #FROM} ({@link Backbone.Cut#TOP_INPUT} rows), so a training never runs the lower blocks
 * again. First a linear head on the standardised pooled features (as {@link FeatureHead}), then
 * both together, a few epochs of small Adam steps. What it gained over the head alone, and on which
 * pictures, is in docs/pretrained.md.
 */
public final class TunedHead implements Head {
    /** The backbone node whose activations are kept: the blocks above it are trained. */
    public static final String FROM = "MobilenetV2/expanded_conv_11/add";

    /** The pooled cuts below {@link #FROM}: {@code expanded_conv_6/expand} and {@code _10/expand}. */
    static final int FROZEN = 288 + 528;
    /** All three pooled cuts, ahead of the kept activations in a row. */
    public static final int POOLED = FROZEN + 816;
    /** The channels of the activations at {@link #FROM}. */
    static final int CHANNELS = 136;

    private static final int BATCH = 32;
    /** The rows the learning curve's training figures are taken on, at most. */
    private static final int CURVE_SAMPLE = 256;

    /** Epochs, the top blocks' Adam rate, the head's, and the top's L2. */
    public record Recipe(int epochs, double topRate, double headRate, double topL2) {
        /** Measured on `anime8` and `anime` with {@code bench --only finetune} (docs/pretrained.md). */
        public static final Recipe DEFAULT = new Recipe(10, 3e-4, 1e-3, 0);
    }

    /** A trained head, and its curve: one entry per epoch of the second stage. */
    public record Trained(TunedHead head, List<EpochStats> history) {}

    private final ComputationGraph graph; // inputs: the frozen pooled cuts, the kept map; the standardisation folded in

    private TunedHead(ComputationGraph graph) {
        this.graph = graph;
    }

    /**
     * Trains on {@code training} rows; after each epoch the listener gets the figures on a sample
     * of the training rows and on {@code validation}.
     */
    public static Trained train(
            FeatureHead.Rows training,
            FeatureHead.Rows validation,
            List<String> labels,
            long seed,
            Recipe recipe,
            TrainingListener listener,
            BooleanSupplier cancelled) {
        float[][] rows = training.features();
        long[] mapShape = mapShape(rows[0].length);
        INDArray pooled = Nd4j.create(
                Arrays.stream(rows).map(r -> Arrays.copyOf(r, POOLED)).toArray(float[][]::new));
        INDArray mean = pooled.mean(0);
        INDArray sd = pooled.std(0).addi(1e-3);
        FeatureHead.Rows standardised =
                new FeatureHead.Rows(pooled.subRowVector(mean).diviRowVector(sd).toFloatMatrix(), training.labels());
        INDArray[] linear = FeatureHead.train(
                        standardised, standardised, labels, seed, TrainingListener.NONE, cancelled)
                .head()
                .parameters();

        ComputationGraph net = graph(mapShape, labels.size(), recipe, seed, true);
        INDArray topMean = mean.get(NDArrayIndex.interval(FROZEN, POOLED));
        INDArray topSd = sd.get(NDArrayIndex.interval(FROZEN, POOLED));
        INDArray inverse = Nd4j.ones(DataType.FLOAT, POOLED - FROZEN).divi(topSd.reshape(POOLED - FROZEN));
        net.getLayer("top_standardised").setParam("W", Nd4j.diag(inverse).castTo(DataType.FLOAT));
        net.getLayer("top_standardised")
                .setParam(
                        "b",
                        topMean.reshape(1, POOLED - FROZEN)
                                .mul(inverse.reshape(1, POOLED - FROZEN))
                                .negi());
        net.getLayer("head").setParam("W", linear[0]);
        net.getLayer("head").setParam("b", linear[1].reshape(1, labels.size()));
        INDArray frozenMean = mean.get(NDArrayIndex.interval(0, FROZEN));
        INDArray frozenSd = sd.get(NDArrayIndex.interval(0, FROZEN));

        Random random = new Random(seed);
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, rows.length).boxed().toList());
        int[] sample = IntStream.range(0, Math.min(CURVE_SAMPLE, rows.length))
                .map(i -> (int) ((long) i * rows.length / Math.min(CURVE_SAMPLE, rows.length)))
                .toArray();
        FeatureHead.Rows sampled = new FeatureHead.Rows(
                Arrays.stream(sample).mapToObj(i -> rows[i]).toArray(float[][]::new),
                Arrays.stream(sample).map(i -> training.labels()[i]).toArray());
        int batches = (rows.length + BATCH - 1) / BATCH;
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
            long start = System.nanoTime();
            Collections.shuffle(order, random);
            for (int b = 0; b < batches; b++) {
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException();
                }
                List<Integer> idx = order.subList(b * BATCH, Math.min(rows.length, (b + 1) * BATCH));
                INDArray[] in = inputs(idx.stream().map(i -> rows[i]).toList(), frozenMean, frozenSd);
                INDArray y = Nd4j.zeros(DataType.FLOAT, idx.size(), labels.size());
                for (int i = 0; i < idx.size(); i++) {
                    y.putScalar(i, training.labels()[idx.get(i)], 1f);
                }
                net.fit(new MultiDataSet(in, new INDArray[] {y}));
                listener.onBatch(epoch, b + 1, batches);
            }
            EvaluationResult onTraining =
                    score(labels, outputs(net, sampled.features(), frozenMean, frozenSd), sampled);
            EvaluationResult onValidation =
                    score(labels, outputs(net, validation.features(), frozenMean, frozenSd), validation);
            EpochStats stats = EpochStats.of(epoch, onTraining, onValidation, start);
            history.add(stats);
            listener.onEpoch(stats, List.copyOf(history));
        }
        return new Trained(new TunedHead(folded(net, mapShape, labels.size(), recipe, seed, mean, sd)), history);
    }

    /** The answering graph: the trained top, and the head with the standardisation folded into its weights. */
    private static ComputationGraph folded(
            ComputationGraph trained,
            long[] mapShape,
            int labels,
            Recipe recipe,
            long seed,
            INDArray mean,
            INDArray sd) {
        ComputationGraph out = graph(mapShape, labels, recipe, seed, false);
        for (org.deeplearning4j.nn.api.Layer layer : out.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!name.equals("head")) {
                trained.getLayer(name).paramTable().forEach((key, value) -> layer.setParam(key, value.dup()));
            }
        }
        INDArray w = trained.getLayer("head").getParam("W"); // [pooled, labels], on standardised input
        INDArray b = trained.getLayer("head").getParam("b");
        INDArray scaled = w.divColumnVector(sd.reshape(sd.length(), 1));
        out.getLayer("head").setParam("W", scaled);
        out.getLayer("head")
                .setParam(
                        "b", b.sub(mean.reshape(1, mean.length()).mmul(scaled)).reshape(1, labels));
        return out;
    }

    /**
     * The graph: inputs {@code frozen} (the pooled cuts below {@link #FROM}) and {@code map} (the
     * activations at it); the imported top, its pooling, in training a fixed standardisation of
     * that pool, and a softmax head on both pools.
     */
    private static ComputationGraph graph(long[] mapShape, int labels, Recipe recipe, long seed, boolean training) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(recipe.topRate()))
                .l2(recipe.topL2())
                .graphBuilder()
                .addInputs("frozen", "map")
                .setInputTypes(
                        InputType.feedForward(FROZEN), InputType.convolutional(mapShape[1], mapShape[2], mapShape[0]));
        MobileNetV2.Top top = MobileNetV2.top(g, Backbone.weights(), FROM, "map", MobileNetV2.FEATURE_CUTS.get(2));
        g.addLayer("top_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), top.output());
        String pooled = "top_pool";
        if (training) {
            g.addLayer(
                    "top_standardised",
                    new DenseLayer.Builder()
                            .nIn(POOLED - FROZEN)
                            .nOut(POOLED - FROZEN)
                            .activation(Activation.IDENTITY)
                            .updater(new NoOp())
                            .l2(0)
                            .build(),
                    "top_pool");
            pooled = "top_standardised";
        }
        g.addVertex("pooled", new MergeVertex(), "frozen", pooled);
        g.addLayer(
                "head",
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(POOLED)
                        .nOut(labels)
                        .activation(Activation.SOFTMAX)
                        .updater(new Adam(recipe.headRate()))
                        .l2(FeatureHead.L2)
                        .build(),
                "pooled");
        ComputationGraph graph = new ComputationGraph(g.setOutputs("head").build());
        graph.init();
        top.imported().load(graph);
        return graph;
    }

    /** The imported top's pooled output for each row, before any training (a check on the import). */
    static float[][] untrainedTopPool(float[][] rows, int labels) {
        return topPool(graph(mapShape(rows[0].length), labels, Recipe.DEFAULT, 1, false), rows);
    }

    /** This head's top's pooled output for each row. */
    float[][] topPool(float[][] rows) {
        synchronized (graph) {
            return topPool(graph, rows);
        }
    }

    private static float[][] topPool(ComputationGraph net, float[][] rows) {
        return net.feedForward(inputs(Arrays.asList(rows), null, null), false)
                .get("top_pool")
                .toFloatMatrix();
    }

    /** The activations' shape [channels, height, width] in a row of {@code length} values. */
    static long[] mapShape(int length) {
        int side = (int) Math.round(Math.sqrt((length - POOLED) / (double) CHANNELS));
        if (side < 1 || POOLED + (long) CHANNELS * side * side != length) {
            throw new IllegalArgumentException("a row of " + length + " values holds no kept activations");
        }
        return new long[] {CHANNELS, side, side};
    }

    private static INDArray[] inputs(List<float[]> rows, INDArray frozenMean, INDArray frozenSd) {
        long[] shape = mapShape(rows.get(0).length);
        int mapLength = rows.get(0).length - POOLED;
        float[][] frozen = new float[rows.size()][];
        float[] maps = new float[rows.size() * mapLength];
        for (int i = 0; i < rows.size(); i++) {
            frozen[i] = Arrays.copyOf(rows.get(i), FROZEN);
            System.arraycopy(rows.get(i), POOLED, maps, i * mapLength, mapLength);
        }
        INDArray f = Nd4j.create(frozen);
        if (frozenMean != null) {
            f.subiRowVector(frozenMean).diviRowVector(frozenSd);
        }
        return new INDArray[] {f, Nd4j.create(maps, new long[] {rows.size(), shape[0], shape[1], shape[2]}, 'c')};
    }

    private static double[][] outputs(ComputationGraph net, float[][] rows, INDArray frozenMean, INDArray frozenSd) {
        double[][] p = new double[rows.length][];
        for (int from = 0; from < rows.length; from += BATCH) {
            List<float[]> batch = Arrays.asList(rows).subList(from, Math.min(rows.length, from + BATCH));
            double[][] out = net.output(false, inputs(batch, frozenMean, frozenSd))[0].toDoubleMatrix();
            System.arraycopy(out, 0, p, from, out.length);
        }
        return p;
    }

    private static EvaluationResult score(List<String> labels, double[][] probabilities, FeatureHead.Rows rows) {
        return Evaluator.score(labels, probabilities, rows.labels(), 1.0);
    }

    @Override
    public double[][] probabilities(float[][] rows) {
        synchronized (graph) {
            return outputs(graph, rows, null, null);
        }
    }

    @Override
    public int labelCount() {
        return (int) graph.getLayer("head").getParam("W").size(1);
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(graph, file.toFile(), false);
    }

    public static TunedHead load(Path file) throws IOException {
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        if (graph.getConfiguration().getNetworkInputs().size() != 2
                || !graph.getConfiguration().getVertices().containsKey("head")) {
            throw new IOException(file.getFileName() + " is not a tuned head");
        }
        return new TunedHead(graph);
    }
}
