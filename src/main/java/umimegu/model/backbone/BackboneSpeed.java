package umimegu.model.backbone;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import umimegu.common.CompilerWarmUp;
import umimegu.model.engine.OneDnn;

/**
 * Speed of the pretrained backbone's features ({@link MobileNetV2#features}) on random pictures,
 * for {@code bench --only backbone}: one picture's latency and batches of 16, measured as the
 * PyTorch peer's {@code mnv2} mode measures them (50 calls first, then until the JIT is quiet).
 */
public final class BackboneSpeed {
    private static final int CALLS_PER_ROUND = 50;
    private final ComputationGraph graph;
    private final int size;

    public BackboneSpeed(int size) {
        OneDnn.enable();
        this.size = size;
        this.graph = MobileNetV2.features(BackboneWeights.load(MobileNetV2.RESOURCE), size, List.of());
    }

    /** Where the graph is cut, as the peer names it. */
    public String cut() {
        return "13";
    }

    /** Sorted latencies of {@code runs} single pictures, in milliseconds, after the warm-up. */
    public double[] singleLatenciesMs(int runs) {
        INDArray picture = random(1);
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            graph.output(picture);
        }
        new CompilerWarmUp(0.005, 20).run(() -> {
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                graph.output(picture);
            }
        });
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            graph.output(picture)[0].getFloat(0); // read out, as the peer does
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** Pictures a second in batches of {@code batch}, over {@code batches} batches after the warm-up. */
    public double batchedPerSecond(int batch, int batches) {
        INDArray pictures = random(batch);
        for (int i = 0; i < 5; i++) {
            graph.output(pictures);
        }
        new CompilerWarmUp(0.005, 20).run(() -> graph.output(pictures));
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            graph.output(pictures)[0].getFloat(0);
        }
        return batches * (double) batch / ((System.nanoTime() - start) / 1e9);
    }

    private INDArray random(int n) {
        Nd4j.getRandom().setSeed(7);
        return Nd4j.rand(DataType.FLOAT, n, 3, size, size);
    }
}
