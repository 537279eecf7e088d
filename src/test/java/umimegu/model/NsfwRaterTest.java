package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import umimegu.TestFixtures;
import umimegu.model.backbone.MobileNetV2;
import umimegu.vision.ImageDecoder;

/** The spoiler rater on real, safe pictures: drawings are seen as drawings and stay far below the default threshold. */
class NsfwRaterTest {
    @Test
    void safeAnimeScenesAreDrawingsWellBelowTheSpoilerThreshold() throws Exception {
        Path scenes = TestFixtures.sharedData("anime_scenes");
        List<Path> files;
        try (Stream<Path> list = Files.list(scenes)) {
            files = list.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
        }
        ImageDecoder decoder = new ImageDecoder();
        NsfwRater rater = NsfwRater.shared();
        int drawings = 0;
        for (Path f : files) {
            var picture = decoder.decode(f);
            double[] p = rater.probabilities(picture);
            assertEquals(1, p[0] + p[1] + p[2] + p[3] + p[4], 1e-4, "probabilities of " + f);
            int top = 0;
            for (int i = 1; i < p.length; i++) {
                top = p[i] > p[top] ? i : top;
            }
            drawings += MobileNetV2.NSFW_CLASSES.get(top).equals("Drawing") ? 1 : 0;
            double score = rater.explicitness(picture);
            assertTrue(score < 0.3, f.getFileName() + " rated " + score + " (the default threshold is 0.6)");
        }
        assertTrue(drawings >= files.size() - 1, drawings + " of " + files.size() + " seen as drawings");
    }
}
