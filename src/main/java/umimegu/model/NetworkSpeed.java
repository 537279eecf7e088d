package umimegu.model;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import umimegu.common.CompilerWarmUp;
import umimegu.model.engine.FoldedNetwork;
import umimegu.model.engine.OneDnn;
import umimegu.model.engine.TrainingMemory;

/**
 * Speed of a freshly built network on random pictures, for {@code bench}: training throughput,
 * single-picture latency and batched inference. Inference runs on the network answers use
 * ({@link FoldedNetwork}). Each measurement warms up first (workspaces, oneDNN primitive caches) until
 * the JIT compilers are quiet, as in a process that has been running a while.
 */
public final class NetworkSpeed {
    private static final int MAX_WARMUP_BATCHES = 20;
    /**
     * Batches run first, as the PyTorch peer warms up, before waiting for the compilers: the first
     * batches after a training has given its memory back fault every page of their buffers in, and
     * would be timed slow (docs/performance.md, item 5).
     */
    private static final int PEER_WARMUP_BATCHES = 5;
    /** Single-picture calls per warm-up round, and before every latency measurement (as the peer). */
    public static final int CALLS_PER_ROUND = 50;

    private final InputSpec input;
    private final MultiLayerNetwork network;
    private MultiLayerNetwork answering;

    public NetworkSpeed(InputSpec input, Architecture architecture) {
        this.input = input;
        TrainingSettings settings =
                new TrainingSettings(0.2, 32, 1, 1, 0, 1e-3, 0, 0, 0, 1, false, false, architecture);
        this.network = NetworkFactory.create(input, 2, settings, new TrainingPlan(32, 1, 0, 0));
    }

    public String backend() {
        return OneDnn.backend();
    }

    public boolean convolutionOnOneDnn() {
        return OneDnn.convolutionActive(network);
    }

    /** A speed, and the warm-up before it. */
    public record Measurement(double value, CompilerWarmUp.Result warmUp) {}

    /** Images a second over {@code batches} training steps, after steps until the JIT compilers are quiet. */
    public Measurement trainingImagesPerSecond(int batch, int batches) {
        DataSet data = randomBatch(batch);
        for (int i = 0; i < PEER_WARMUP_BATCHES; i++) {
            network.fit(data);
        }
        CompilerWarmUp.Result warm = quietCompilers(MAX_WARMUP_BATCHES).run(() -> network.fit(data));
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            network.fit(data);
        }
        double imagesPerSecond = batches * (double) batch / ((System.nanoTime() - start) / 1e9);
        TrainingMemory.release(); // as a training in the product ends
        return new Measurement(imagesPerSecond, withPeerWarmUp(warm));
    }

    /** Sorted latencies of {@code runs} single-picture predictions, in milliseconds. */
    public double[] singleImageLatenciesMs(int runs) {
        INDArray image = randomBatch(1).getFeatures();
        MultiLayerNetwork answers = answering();
        answer(answers, image, CALLS_PER_ROUND); // as many as the PyTorch peer's warm-up
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            answers.output(image, false);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /**
     * Answers single pictures, {@link #CALLS_PER_ROUND} at a time, until the JIT compilers are quiet
     * during a round, at most 60 rounds: the state of a bot that has been answering for a while.
     */
    public CompilerWarmUp.Result warmUpSingleImage() {
        INDArray image = randomBatch(1).getFeatures();
        MultiLayerNetwork answers = answering();
        return quietCompilers(60).run(() -> answer(answers, image, CALLS_PER_ROUND));
    }

    private static void answer(MultiLayerNetwork answers, INDArray image, int times) {
        for (int i = 0; i < times; i++) {
            answers.output(image, false);
        }
    }

    public Measurement batchedImagesPerSecond(int batch) {
        INDArray images = randomBatch(batch).getFeatures();
        MultiLayerNetwork answers = answering();
        for (int i = 0; i < PEER_WARMUP_BATCHES; i++) {
            answers.output(images, false);
        }
        CompilerWarmUp.Result warm = quietCompilers(MAX_WARMUP_BATCHES).run(() -> answers.output(images, false));
        int runs = 5;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            answers.output(images, false);
        }
        return new Measurement(runs * (double) batch / ((System.nanoTime() - start) / 1e9), withPeerWarmUp(warm));
    }

    /**
     * Quiet: the compilers' time under 0.5% of a round's, i.e. hardly a method compiled. On 2 cores
     * the compiler thread otherwise takes one core from the measurement for its first minute.
     */
    private static CompilerWarmUp quietCompilers(int maxRounds) {
        return new CompilerWarmUp(0.005, maxRounds);
    }

    private static CompilerWarmUp.Result withPeerWarmUp(CompilerWarmUp.Result warm) {
        return new CompilerWarmUp.Result(warm.rounds() + PEER_WARMUP_BATCHES, warm.lastCompilerShare());
    }

    private MultiLayerNetwork answering() {
        if (answering == null) {
            answering = FoldedNetwork.of(network, input.height(), input.width(), InputSpec.CHANNELS);
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
