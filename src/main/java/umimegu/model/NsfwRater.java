package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import umimegu.model.backbone.BackboneWeights;
import umimegu.model.backbone.MobileNetV2;
import umimegu.model.engine.OneDnn;

/**
 * nsfwjs's own five-class head on the pretrained MobileNetV2 (the same weights as {@link
 * Backbone}): how explicit a whole picture looks, the sum of its Hentai, Porn and Sexy
 * probabilities. Built on first use, one per process; runs one picture at a time
 * (docs/pretrained.md, "Spoilers").
 */
public final class NsfwRater implements ContentRating {
    private static final int SIZE = 224;
    private static final List<String> EXPLICIT = List.of("Hentai", "Porn", "Sexy");

    private static volatile NsfwRater shared;

    private final ComputationGraph graph;
    private final Preprocessor preprocessor;

    private NsfwRater(BackboneWeights weights) {
        OneDnn.enable();
        graph = MobileNetV2.nsfw(weights);
        // nsfwjs stretches the whole picture to 224×224, as this does.
        preprocessor = new Preprocessor(new InputSpec(SIZE, SIZE, InputSpec.Scaling.ZERO_ONE));
    }

    /** The process's rater, built (about 1 s) on the first call. */
    public static NsfwRater shared() {
        NsfwRater r = shared;
        if (r == null) {
            synchronized (NsfwRater.class) {
                if (shared == null) {
                    shared = new NsfwRater(Backbone.weights());
                }
                r = shared;
            }
        }
        return r;
    }

    /** nsfwjs's five probabilities, in the order of {@link MobileNetV2#NSFW_CLASSES}. */
    public synchronized double[] probabilities(BufferedImage picture) {
        float[] row = graph.output(preprocessor.toBatch(List.of(preprocessor.toPixels(picture))))[0].toFloatVector();
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
        }
        return out;
    }

    @Override
    public double explicitness(BufferedImage picture) {
        return explicitness(probabilities(picture));
    }

    /** The explicitness of five probabilities as {@link #probabilities} gives them. */
    public static double explicitness(double[] p) {
        double sum = 0;
        for (String name : EXPLICIT) {
            sum += p[MobileNetV2.NSFW_CLASSES.indexOf(name)];
        }
        return Math.min(1, sum);
    }
}
