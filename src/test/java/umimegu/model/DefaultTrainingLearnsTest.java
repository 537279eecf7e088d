package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.config.ConfigLoader;

/**
 * The default training must learn at our users' scale: real anime face crops, 100×100, the
 * built-in defaults untouched. (The seed's recipe, batch 128 without warm-up or augmentation,
 * failed the first of these: validation accuracy 0.5 after one diverging step per epoch.)
 */
@Tag("slow")
class DefaultTrainingLearnsTest {
    @TempDir
    Path work;

    private TrainingOutcome trainWithDefaults(Path images) {
        Properties p = ConfigLoader.defaults();
        p.setProperty("images.dir", images.toString());
        p.setProperty("images.test-dir", work.resolve("no-test").toString());
        p.setProperty("models.dir", work.resolve("models").toString());
        return new Application(ConfigLoader.parse(p)).trainingService().train(new TrainingListener() {}, () -> false);
    }

    @Test
    void twoRealCharactersFromSixtyThreeCrops() {
        TrainingReport report =
                trainWithDefaults(TestFixtures.sharedData("anime")).report();
        assertTrue(
                report.best().valAccuracy() >= 0.9,
                "validation accuracy " + report.best().valAccuracy());
        assertTrue(report.bestEpoch() > 1, "best epoch " + report.bestEpoch());
    }

    @Test
    void fourRealCharactersFromTwentyCropsEach() throws IOException {
        Path anime8 = TestFixtures.sharedData("anime8");
        for (String label : List.of("gawr_gura", "irys", "mori_calliope", "watson_amelia")) {
            Path dir = Files.createDirectories(work.resolve("images").resolve(label));
            try (Stream<Path> files = Files.list(anime8.resolve(label))) {
                for (Path f : files.sorted().limit(20).toList()) {
                    Files.createSymbolicLink(dir.resolve(f.getFileName()), f.toAbsolutePath()); // links, not copies
                }
            }
        }
        TrainingReport report = trainWithDefaults(work.resolve("images")).report();
        assertTrue(
                report.best().valAccuracy() >= 0.9,
                "validation accuracy " + report.best().valAccuracy());
    }
}
