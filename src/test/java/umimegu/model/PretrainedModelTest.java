package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.config.ConfigException;

/** Models that stand on the pretrained backbone: a head alone, and a head averaged with the compact network. */
class PretrainedModelTest {
    @TempDir
    Path work;

    private Application app(String kind) throws IOException {
        if (!Files.isDirectory(work.resolve("images"))) {
            TestFixtures.syntheticImages(work.resolve("images"), 12, 1);
            TestFixtures.syntheticImages(work.resolve("images-test"), 4, 2);
        }
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("model.kind", kind);
        p.setProperty("model.backbone-size", "96");
        return new Application(TestFixtures.load(p));
    }

    private List<BufferedImage> pictures(String label) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("images-test").resolve(label))) {
            for (Path f : files.sorted().toList()) {
                out.add(ImageIO.read(f.toFile()));
            }
        }
        return out;
    }

    private Path[] cacheEntries() throws IOException {
        try (Stream<Path> files = Files.walk(work.resolve("models").resolve(HeadFeatures.CACHE_FOLDER))) {
            return files.filter(Files::isRegularFile).sorted().toArray(Path[]::new);
        }
    }

    @Test
    void aPretrainedModelIsAHeadThatLearnsTheLabelsSavesItsBackboneAndAnswersAfterReloading() throws IOException {
        Application app = app("pretrained");
        TrainingOutcome outcome = app.trainingService().train(TrainingListener.NONE, () -> false);

        Path dir = outcome.modelDirectory();
        assertTrue(Files.isRegularFile(dir.resolve(Head.FILE)));
        assertFalse(Files.exists(dir.resolve(ModelStore.NETWORK_FILE)), "no network is trained");
        StoredModel model = app.store().loadCurrent();
        assertEquals(ModelKind.PRETRAINED, model.info().kind());
        assertEquals(
                new BackboneSpec(Backbone.ID, 96, Backbone.weightsSha256()),
                model.info().backbone());
        assertEquals(FeatureHead.ROUNDS, outcome.report().epochsRun());
        double unknownBelow = model.info().unknownBelow();
        assertTrue(unknownBelow > 0.3 && unknownBelow <= 1, "its own unknown threshold: " + unknownBelow);
        assertTrue(outcome.test().orElseThrow().accuracy() >= 0.9, "test accuracy " + outcome.test());

        answersItsLabelsAsTestMeasured(app, outcome);
        assertEquals(
                outcome.modelId(), ModelSummary.newest(app.store(), 5).get(0).id());
    }

    /** The current model names every test picture's label, and {@code test} gives what training measured. */
    private void answersItsLabelsAsTestMeasured(Application app, TrainingOutcome outcome) throws IOException {
        Classifier classifier = app.classifier(null);
        for (String label : List.of("megumi", "umi")) {
            for (Prediction p : classifier.predictAll(pictures(label))) {
                assertEquals(label, p.label());
            }
        }
        assertEquals(
                outcome.test().orElseThrow().accuracy(),
                app.testService().test(outcome.modelId()).result().accuracy(),
                1e-9,
                "test gives what training measured");
    }

    @Test
    void aTunedModelTrainsTheTopBlocksOnKeptActivationsAndAnswersAfterReloading() throws IOException {
        Application app = app("tuned");
        TrainingOutcome outcome = app.trainingService().train(TrainingListener.NONE, () -> false);

        StoredModel model = app.store().loadCurrent();
        assertEquals(ModelKind.TUNED, model.info().kind());
        assertTrue(model.head() instanceof TunedHead, "a tuned head: " + model.head());
        assertTrue(Files.isRegularFile(outcome.modelDirectory().resolve(Head.FILE)));
        assertEquals(TunedHead.Recipe.DEFAULT.epochs(), outcome.report().epochsRun());
        // progress counts both trainings' epochs: on the split, then on every picture
        assertEquals(
                2 * TunedHead.Recipe.DEFAULT.epochs(), app.trainingService().maxEpochs());
        assertTrue(outcome.test().orElseThrow().accuracy() >= 0.9, "test accuracy " + outcome.test());
        answersItsLabelsAsTestMeasured(app, outcome);
        // its rows are kept apart from a linear head's: they hold the activations it trains on
        try (Stream<Path> folders = Files.list(work.resolve("models").resolve(HeadFeatures.CACHE_FOLDER))) {
            assertTrue(folders.anyMatch(f -> f.getFileName().toString().contains(Backbone.Cut.TOP_INPUT.tag())));
        }
    }

    @Test
    void aRetrainingReadsTheFeaturesOfPicturesItHasSeenFromTheCache() throws IOException {
        Application app = app("pretrained");
        TrainingOutcome first = app.trainingService().train(TrainingListener.NONE, () -> false);
        Path[] entries = cacheEntries();
        // every labelled picture in each view (the head learns from all once calibrated), each test picture plain
        long plain = Stream.of(entries)
                .filter(e -> e.getFileName().toString().endsWith("-plain"))
                .count();
        assertEquals(24 + 8, plain);
        assertEquals(24 * umimegu.model.FeatureCache.View.values().length + 8, entries.length);
        assertEquals(24, first.report().trainingImages() + first.report().validationImages());

        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.fromMillis(0);
        for (Path e : entries) {
            Files.setLastModifiedTime(e, longAgo);
        }
        Files.delete(entries[0]);
        Files.write(entries[1], new byte[] {1, 2, 3}); // damaged
        List<Path> decoded = java.util.Collections.synchronizedList(new ArrayList<>());
        umimegu.vision.ImageDecoder decoder = new umimegu.vision.ImageDecoder();
        new TrainingService(
                        app.trainingSetup(),
                        app.store(),
                        file -> {
                            decoded.add(file);
                            return decoder.decode(file);
                        },
                        CurveWriter.NONE)
                .train(TrainingListener.NONE, () -> false);

        assertEquals(entries.length, cacheEntries().length);
        // a picture with a missing view is computed again in all its views
        java.util.Set<String> pictures = java.util.Set.of(picture(entries[0]), picture(entries[1]));
        for (Path e : entries) {
            boolean recomputed = !Files.getLastModifiedTime(e).equals(longAgo);
            assertEquals(pictures.contains(picture(e)), recomputed, e.getFileName() + " recomputed: " + recomputed);
        }
        assertEquals(Files.size(entries[2]), Files.size(entries[1]), "a damaged entry is computed again");
        assertEquals(
                pictures.size(),
                decoded.size(),
                "only the pictures whose features were lost are decoded again: " + decoded);
    }

    private static String picture(Path entry) {
        String name = entry.getFileName().toString();
        return name.substring(0, name.lastIndexOf('-'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ensemble", "tuned-ensemble"})
    void anEnsembleAnswersWithTheMeanOfItsNetworkAndItsHead(String kind) throws IOException {
        Application app = app(kind);
        TrainingOutcome outcome = app.trainingService().train(TrainingListener.NONE, () -> false);
        StoredModel model = app.store().load(outcome.modelId());
        assertEquals(ModelKind.parse(kind), model.info().kind());
        assertEquals(kind.startsWith("tuned"), model.head() instanceof TunedHead);
        assertTrue(Files.isRegularFile(outcome.modelDirectory().resolve(ModelStore.NETWORK_FILE)));
        assertTrue(Files.isRegularFile(outcome.modelDirectory().resolve(Head.FILE)));

        ModelInfo info = model.info().withTemperature(1.0);
        ModelInfo compact = new ModelInfo(info.labels(), info.input(), 1.0);
        ModelInfo pretrained = new ModelInfo(
                info.labels(),
                info.input(),
                1.0,
                info.kind().tunedHead() ? ModelKind.TUNED : ModelKind.PRETRAINED,
                info.backbone());
        List<BufferedImage> faces = pictures("umi");
        List<Prediction> both =
                new Classifier(new StoredModel("m", null, model.network(), info, model.head())).predictAll(faces);
        List<Prediction> network =
                new Classifier(new StoredModel("m", null, model.network(), compact)).predictAll(faces);
        List<Prediction> head =
                new Classifier(new StoredModel("m", null, null, pretrained, model.head())).predictAll(faces);
        for (int i = 0; i < faces.size(); i++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(
                        (network.get(i).probabilities().get(c)
                                        + head.get(i).probabilities().get(c))
                                / 2,
                        both.get(i).probabilities().get(c),
                        1e-6);
            }
        }
    }

    @Test
    void aModelOnOtherBackboneWeightsIsRefusedWithAReason() throws IOException {
        Application app = app("pretrained");
        TrainingOutcome outcome = app.trainingService().train(TrainingListener.NONE, () -> false);
        Path info = outcome.modelDirectory().resolve(ModelStore.INFO_FILE);
        Files.writeString(
                info, Files.readString(info).replace(Backbone.weightsSha256(), "0123456789abcdef0123456789abcdef"));

        ModelStoreException e =
                assertThrows(ModelStoreException.class, () -> app.store().load(outcome.modelId()));
        assertTrue(e.getMessage().contains("train it again"), e.getMessage());
    }

    @Test
    void aModelSavedBeforeKindsExistedLoadsAsACompactModel() throws IOException {
        Application app = app("compact");
        TrainingOutcome outcome = app.trainingService().train(TrainingListener.NONE, () -> false);
        Path info = outcome.modelDirectory().resolve(ModelStore.INFO_FILE);
        Files.writeString(info, Files.readString(info).replaceAll("(?m)^model\\.kind=.*$", ""));

        StoredModel model = app.store().load(outcome.modelId());
        assertEquals(ModelKind.COMPACT, model.info().kind());
        assertEquals(
                2,
                app.classifier(null)
                        .predict(pictures("umi").get(0))
                        .probabilities()
                        .size());
    }

    @Test
    void aWrongKindOrBackboneSizeInTheConfigIsRefusedWithWhatIsAllowed() {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("model.kind", "resnet");
        ConfigException kind = assertThrows(ConfigException.class, () -> TestFixtures.load(p));
        assertTrue(
                kind.getMessage().contains("compact, pretrained, tuned, ensemble or tuned-ensemble"),
                kind.getMessage());
        p.setProperty("model.kind", "pretrained");
        p.setProperty("model.backbone-size", "100");
        ConfigException size = assertThrows(ConfigException.class, () -> TestFixtures.load(p));
        assertTrue(size.getMessage().contains("multiple of 32"), size.getMessage());
    }
}
