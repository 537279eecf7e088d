package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tuned head: its imported top blocks reproduce the backbone, and training changes them. */
class TunedHeadTest {
    private static final int SIZE = 96;

    private record Data(FeatureHead.Rows rows, List<String> labels) {}

    private static Data data() {
        Random random = new Random(7);
        List<BufferedImage> pictures = new ArrayList<>();
        int[] labels = new int[12];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
            pictures.add(new umimegu.demo.SyntheticFaces(64).draw(labels[i], random));
        }
        float[][] rows = Backbone.shared(SIZE, Backbone.Cut.TOP_INPUT).features(pictures);
        return new Data(new FeatureHead.Rows(rows, labels), List.of("megumi", "umi"));
    }

    /** No epoch of the second stage: the linear head on the imported, untrained top. */
    private static TunedHead untrained(Data d) {
        return TunedHead.train(
                        d.rows(),
                        d.rows(),
                        d.labels(),
                        1,
                        new TunedHead.Recipe(0, 3e-4, 1e-3, 0),
                        TrainingListener.NONE,
                        () -> false)
                .head();
    }

    @Test
    void untrainedTopBlocksAnswerAsALinearHeadOnThePooledFeatures() {
        Data d = data();
        float[][] rows = d.rows().features();
        assertEquals(TunedHead.POOLED + TunedHead.CHANNELS * (SIZE / 16) * (SIZE / 16), rows[0].length);
        float[][] top = TunedHead.untrainedTopPool(rows, 2);
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < top[i].length; c++) {
                assertEquals(rows[i][TunedHead.FROZEN + c], top[i][c], 1e-4, "picture " + i + " channel " + c);
            }
        }
        // no epoch of the second stage: the imported top must give the pooled expanded_conv_13/expand it was kept
        // beside
        TunedHead none = untrained(d);
        FeatureHead.Rows pooled = new FeatureHead.Rows(
                Arrays.stream(rows).map(r -> Arrays.copyOf(r, TunedHead.POOLED)).toArray(float[][]::new),
                d.rows().labels());
        FeatureHead linear = FeatureHead.train(pooled, pooled, d.labels(), 1, TrainingListener.NONE, () -> false)
                .head();
        double[][] a = none.probabilities(rows);
        double[][] b = linear.probabilities(pooled.features());
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(b[i][c], a[i][c], 2e-3, "picture " + i);
            }
        }
    }

    @Test
    void trainingChangesTheTopBlocksAndRecordsEveryEpoch() {
        Data d = data();
        TunedHead none = untrained(d);
        TunedHead.Trained tuned = TunedHead.train(
                d.rows(), d.rows(), d.labels(), 1, TunedHead.Recipe.DEFAULT, TrainingListener.NONE, () -> false);
        assertEquals(TunedHead.Recipe.DEFAULT.epochs(), tuned.history().size());
        float[][] before = none.topPool(d.rows().features());
        float[][] after = tuned.head().topPool(d.rows().features());
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            for (int c = 0; c < before[i].length; c++) {
                moved = Math.max(moved, Math.abs(before[i][c] - after[i][c]));
            }
        }
        assertTrue(moved > 1e-3, "the top blocks learnt nothing: " + moved);
        assertTrue(
                tuned.history().get(tuned.history().size() - 1).accuracy() >= 0.9,
                tuned.history().toString());
    }
}
