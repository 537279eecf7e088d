package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How much the pretrained features know of who is who, before any recipe is built on them: the
 * shared {@link Backbone}'s features of each picture, and a {@link FeatureHead} trained on them
 * with no view but the picture itself (for {@code bench --only probe}).
 */
public final class FeatureProbe {
    private final Backbone backbone;

    public FeatureProbe(int size) {
        this.backbone = Backbone.shared(size);
    }

    /** The features of each picture, one row each, of length 1 (Euclidean). */
    public float[][] features(List<BufferedImage> pictures) {
        return backbone.features(pictures);
    }

    /** A head trained on the training rows and their label indexes, by the product's recipe. */
    public static Probe train(float[][] train, int[] trainLabels, int labels, long seed) {
        FeatureHead.Rows rows = new FeatureHead.Rows(train, trainLabels);
        List<String> names =
                IntStream.range(0, labels).mapToObj(String::valueOf).toList();
        return new Probe(FeatureHead.train(rows, rows, names, seed, TrainingListener.NONE, () -> false)
                .head());
    }

    /** A trained probe. */
    public record Probe(FeatureHead head) {
        /** Each row's probabilities, one per label. */
        public double[][] probabilities(float[][] rows) {
            return head.probabilities(rows);
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
}
