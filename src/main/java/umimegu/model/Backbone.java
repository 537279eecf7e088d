package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import umimegu.model.backbone.BackboneWeights;
import umimegu.model.backbone.MobileNetV2;
import umimegu.model.engine.OneDnn;

/**
 * The pretrained MobileNetV2 cut to its {@link MobileNetV2#FEATURES}, one per picture size and
 * process, shared by every model that stands on it. A picture's features are the pooled middle
 * blocks, L2-normalised (docs/pretrained.md).
 */
public final class Backbone {
    /** The id models name in their properties. */
    public static final String ID = "mobilenet_v2_140";

    private static final int BATCH = 16;
    private static final Map<String, Backbone> SHARED = new ConcurrentHashMap<>();
    private static volatile BackboneWeights weights;

    /**
     * What a picture's row holds. {@code POOLED}: the pooled cuts, L2-normalised, for a
     * {@link FeatureHead}. {@code TOP_INPUT}: for a {@link TunedHead}, the same cuts unnormalised,
     * then the activations at {@link TunedHead#FROM} it trains the blocks above.
     */
    public enum Cut {
        POOLED(""),
        TOP_INPUT("-top11");

        private final String tag;

        Cut(String tag) {
            this.tag = tag;
        }

        /** What the feature cache adds to its folder name for rows of this cut. */
        public String tag() {
            return tag;
        }
    }

    private final int size;
    private final Cut cut;
    private final ComputationGraph graph;
    private final Preprocessor preprocessor;
    private final String sha256;

    private Backbone(BackboneWeights weights, int size, Cut cut) {
        OneDnn.enable();
        this.size = size;
        this.cut = cut;
        this.sha256 = weights.sha256();
        this.graph = MobileNetV2.features(weights, size, cut == Cut.POOLED ? List.of() : List.of(TunedHead.FROM));
        this.preprocessor = new Preprocessor(new InputSpec(size, size, InputSpec.Scaling.ZERO_ONE));
    }

    /** The process's backbone for pictures of {@code size}×{@code size}, built on first use. */
    public static Backbone shared(int size) {
        return shared(size, Cut.POOLED);
    }

    /** The process's backbone for pictures of {@code size}×{@code size} giving rows of {@code cut}, built on first use. */
    public static Backbone shared(int size, Cut cut) {
        return SHARED.computeIfAbsent(size + cut.tag(), s -> new Backbone(weights(), size, cut));
    }

    /** The SHA-256 of the weights in this build, without building a graph. */
    public static String weightsSha256() {
        return weights().sha256();
    }

    static BackboneWeights weights() {
        BackboneWeights w = weights;
        if (w == null) {
            synchronized (Backbone.class) {
                if (weights == null) {
                    weights = BackboneWeights.load(MobileNetV2.RESOURCE);
                }
                w = weights;
            }
        }
        return w;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Cut cut() {
        return cut;
    }

    /** Each picture's row as {@link #cut()} says (one of Euclidean length 1 each for {@code POOLED}); the graph runs for one caller at a time. */
    public float[][] features(List<BufferedImage> pictures) {
        float[][] rows = new float[pictures.size()][];
        for (int from = 0; from < pictures.size(); from += BATCH) {
            List<BufferedImage> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
            INDArray input = preprocessor.toBatch(
                    batch.stream().map(preprocessor::toPixels).toList());
            synchronized (this) {
                INDArray[] out = graph.output(input);
                float[][] pooled = out[0].toFloatMatrix();
                for (int i = 0; i < batch.size(); i++) {
                    rows[from + i] = cut == Cut.POOLED ? normalised(pooled[i]) : besideMap(pooled[i], out[1].slice(i));
                }
            }
        }
        return rows;
    }

    private static float[] besideMap(float[] pooled, INDArray map) {
        float[] values = map.dup('c').data().asFloat();
        float[] row = java.util.Arrays.copyOf(pooled, pooled.length + values.length);
        System.arraycopy(values, 0, row, pooled.length, values.length);
        return row;
    }

    private static float[] normalised(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += v * v;
        }
        float scale = (float) (1 / Math.max(1e-12, Math.sqrt(sum)));
        float[] out = new float[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] * scale;
        }
        return out;
    }
}
