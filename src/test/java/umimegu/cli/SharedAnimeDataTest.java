package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.chart.LearningCurves;
import umimegu.model.Classifier;
import umimegu.model.ModelStore;
import umimegu.vision.ImageDecoder;

/** End to end on the real anime face crops in ../shared/data/anime (read in place, never copied). */
class SharedAnimeDataTest {
    @TempDir
    Path work;

    @Test
    void trainsTestsAndClassifiesRealAnimeFaces() throws Exception {
        Path anime = TestFixtures.sharedData("anime");
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("images.dir", anime.toString());
        p.setProperty("images.test-dir", anime.toString());
        p.setProperty("input.width", "100");
        p.setProperty("input.height", "100");
        Path config = TestFixtures.write(p, work.resolve("anime.properties"));

        CliTest.Result train = CliTest.run("--config", config.toString(), "train", "--epochs", "3");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Epoch 3/3"), train.out());

        ModelStore store = new ModelStore(work.resolve("models"));
        Path modelDir = store.root().resolve(store.currentId());
        assertTrue(Files.size(modelDir.resolve(LearningCurves.ACCURACY_FILE)) > 0);
        var model = store.loadCurrent();
        assertEquals(
                List.of("fate_testarossa", "takamachi_nanoha"), model.info().labels());

        CliTest.Result test = CliTest.run("--config", config.toString(), "test");
        assertEquals(0, test.code(), test.err());
        Matcher m = Pattern.compile("Test loss: ([0-9.]+), Test acc: ([0-9.]+)").matcher(test.out());
        assertTrue(m.find(), test.out());
        long images;
        try (Stream<Path> files = Files.walk(anime)) {
            images = files.filter(Files::isRegularFile).count();
        }
        assertTrue(test.out().contains("fate_testarossa"), test.out());

        Path face = Files.list(anime.resolve("fate_testarossa"))
                .sorted()
                .findFirst()
                .orElseThrow();
        var decoder = new ImageDecoder();
        var first = new Classifier(model).predict(decoder.decode(face));
        var again = new Classifier(store.load(store.currentId())).predict(decoder.decode(face));
        assertEquals(first.probabilities(), again.probabilities());
        assertEquals(
                1.0,
                first.probabilities().stream().mapToDouble(Double::doubleValue).sum(),
                1e-5);
        assertTrue(images >= 60, "expected the 63 shared crops, found " + images);
    }
}
