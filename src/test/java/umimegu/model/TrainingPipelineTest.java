package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.chart.LearningCurves;
import umimegu.config.AppConfig;

class TrainingPipelineTest {
    @TempDir
    Path work;

    private AppConfig config(Properties p) {
        return TestFixtures.load(p);
    }

    @Test
    void trainsSavesSwitchesAndReloadsWithIdenticalPredictions() throws IOException {
        TestFixtures.syntheticImages(work.resolve("images"), 24, 1);
        Files.writeString(work.resolve("images/umi/broken.png"), "not a picture");
        AppConfig config = config(TestFixtures.fastConfig(work));
        ModelStore store = new ModelStore(config.paths().models());
        List<Integer> epochsSeen = new ArrayList<>();

        TrainingOutcome outcome = new umimegu.app.Application(config)
                .trainingService()
                .train(
                        new TrainingListener() {
                            @Override
                            public void onEpoch(EpochStats stats, List<EpochStats> history) {
                                epochsSeen.add(stats.epoch());
                            }
                        },
                        () -> false);

        TrainingReport report = outcome.report();
        assertEquals(List.of(1, 2, 3), epochsSeen);
        assertEquals(3, report.epochsRun());
        assertEquals(1, report.skippedFiles().size());
        assertTrue(
                report.skippedFiles().get(0).contains("broken.png"),
                report.skippedFiles().get(0));
        assertEquals(48, report.trainingImages() + report.validationImages());
        assertEquals(outcome.modelId(), store.currentId());
        for (String file : List.of(
                ModelStore.NETWORK_FILE,
                ModelStore.INFO_FILE,
                ModelStore.CONFIG_FILE,
                ModelStore.METRICS_FILE,
                HistoryCsv.FILE,
                LearningCurves.ACCURACY_FILE,
                LearningCurves.LOSS_FILE)) {
            assertTrue(Files.size(outcome.modelDirectory().resolve(file)) > 0, file);
        }
        BufferedImage chart = ImageIO.read(
                outcome.modelDirectory().resolve(LearningCurves.LOSS_FILE).toFile());
        assertEquals(800, chart.getWidth());
        assertEquals(
                4,
                Files.readAllLines(outcome.modelDirectory().resolve(HistoryCsv.FILE))
                        .size());

        List<BufferedImage> pictures = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("images/megumi"))) {
            for (Path p : files.limit(5).toList()) {
                pictures.add(ImageIO.read(p.toFile()));
            }
        }
        StoredModel reloaded = store.loadCurrent();
        assertEquals(List.of("megumi", "umi"), reloaded.info().labels());
        assertEquals(32, reloaded.info().input().width());
        List<Prediction> before = new Classifier(
                        new StoredModel("live", outcome.modelDirectory(), reloaded.network(), reloaded.info()))
                .predictAll(pictures);
        List<Prediction> fresh = new Classifier(store.load(outcome.modelId())).predictAll(pictures);
        for (int i = 0; i < pictures.size(); i++) {
            assertEquals(before.get(i).probabilities(), fresh.get(i).probabilities());
        }
    }

    private record SyntheticRun(
            MultiLayerNetwork network, Batches validation, TrainingPlan plan, Trainer.Result result) {}

    /** The seed network trained by {@link Trainer} on 20 synthetic pictures per label, a quarter held out. */
    private SyntheticRun trainSynthetic(Properties p) {
        AppConfig config = config(p);
        Preprocessor pre = new Preprocessor(config.input());
        var images = syntheticLoaded(pre, 20);
        var split =
                umimegu.dataset.StratifiedSplit.split(indices(images.size()), i -> images.labelIndex()[i], 2, 0.25, 3);
        Batches train = subset(images, split.training(), pre);
        Batches val = subset(images, split.validation(), pre);
        var network = NetworkFactory.create(config.input(), 2, config.training().learningRate(), 5);

        TrainingPlan plan = TrainingPlan.of(config.training(), train.images().size());
        Trainer.Result result = new Trainer(config.training(), plan)
                .train(network, train, val, null, TrainingListener.NONE, () -> false);
        return new SyntheticRun(network, val, plan, result);
    }

    @Test
    void aFinishedTrainingGivesBackItsWorkspaces() {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "2");
        SyntheticRun run = trainSynthetic(p);

        var workspaces = org.nd4j.linalg.factory.Nd4j.getWorkspaceManager();
        assertFalse(
                workspaces.checkIfWorkspaceExists("WS_ALL_LAYERS_ACT"), "every layer's activations, kept for backprop");
        assertFalse(workspaces.checkIfWorkspaceExists("WS_LAYER_ACT_1"), "the gradients passed between layers");
        double bestLoss =
                run.result().history().get(run.result().bestEpoch() - 1).valLoss();
        assertEquals(
                bestLoss,
                Evaluator.evaluate(run.network(), run.validation(), 16).loss(),
                1e-5,
                "the network is intact");
        run.network().fit(run.validation().build(List.of(0, 1), null, new java.util.Random(1)));
        assertTrue(workspaces.checkIfWorkspaceExists("WS_ALL_LAYERS_ACT"), "a later training step makes them again");
    }

    @Test
    void keepsTheBestEpochsWeightsNotTheLast() {
        // a learning rate this high makes validation loss jump around, so the best epoch is rarely the last
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "6");
        p.setProperty("train.learning-rate", "0.02");
        SyntheticRun run = trainSynthetic(p);
        Trainer.Result result = run.result();
        TrainingPlan plan = run.plan();

        double bestLoss = result.history().stream()
                .filter(e -> e.epoch() >= plan.firstCandidateEpoch())
                .mapToDouble(EpochStats::valLoss)
                .min()
                .orElseThrow();
        assertEquals(bestLoss, result.history().get(result.bestEpoch() - 1).valLoss());
        assertEquals(
                bestLoss,
                Evaluator.evaluate(run.network(), run.validation(), 16).loss(),
                1e-5);
    }

    @Test
    void aStalledValidationLossCutsTheLearningRateOnceAndTrainingGoesOnAfterIt() {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "12");
        p.setProperty("train.learning-rate", "0.02");
        p.setProperty("train.patience", "2");
        p.setProperty("train.min-epochs", "0");
        p.setProperty("train.lr-drops", "1");
        SyntheticRun run = trainSynthetic(p);
        Trainer.Result result = run.result();
        var network = run.network();

        assertEquals(1, result.rateDrops().size(), "history: " + result.history());
        for (int layer = 0; layer < network.getnLayers(); layer++) {
            Double rate = network.getLearningRate(layer);
            if (rate != null) {
                assertEquals(0.02 * LearningRateDrops.FACTOR, rate, 1e-9, "layer " + layer);
            }
        }
        int drop = result.rateDrops().get(0);
        assertTrue(result.history().size() >= drop + 1, "at least one epoch at the lower rate");
        if (result.stopReason() == TrainingReport.StopReason.EARLY_STOPPING) {
            int lastImprovement = Math.max(drop, result.bestEpoch());
            assertTrue(result.history().size() >= lastImprovement + 2, "a full patience after the cut");
        }
    }

    @Test
    void aCancelledOrFailedTrainingLeavesTheCurrentModelAndNoFolderBehind() throws IOException {
        TestFixtures.syntheticImages(work.resolve("images"), 12, 2);
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "1");
        AppConfig config = config(p);
        ModelStore store = new ModelStore(config.paths().models());
        TrainingService service = new umimegu.app.Application(config).trainingService();
        String first = service.train(TrainingListener.NONE, () -> false).modelId();
        byte[] pointer = Files.readAllBytes(config.paths().models().resolve(ModelStore.CURRENT_FILE));

        assertThrows(TrainingCancelledException.class, () -> service.train(TrainingListener.NONE, () -> true));
        assertThrows(
                IllegalStateException.class,
                () -> service.train(
                        new TrainingListener() {
                            @Override
                            public void onEpoch(EpochStats stats, List<EpochStats> history) {
                                throw new IllegalStateException("disk full");
                            }
                        },
                        () -> false));

        assertEquals(first, store.currentId());
        assertArrayEquals(pointer, Files.readAllBytes(config.paths().models().resolve(ModelStore.CURRENT_FILE)));
        assertEquals(List.of(first), store.ids());
        try (Stream<Path> left = Files.list(config.paths().models())) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    private static umimegu.model.LoadedImages syntheticLoaded(Preprocessor pre, int perLabel) {
        var faces = new umimegu.demo.SyntheticFaces(64);
        var random = new java.util.Random(9);
        List<byte[]> pixels = new ArrayList<>();
        int[] labels = new int[2 * perLabel];
        for (int i = 0; i < 2 * perLabel; i++) {
            labels[i] = i % 2;
            pixels.add(pre.toPixels(faces.draw(labels[i], random)));
        }
        return new umimegu.model.LoadedImages(
                List.of("megumi", "umi"),
                pixels,
                labels,
                java.util.Collections.nCopies(pixels.size(), Path.of("x")),
                List.of());
    }

    private static List<Integer> indices(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    private static Batches subset(umimegu.model.LoadedImages all, List<Integer> picked, Preprocessor pre) {
        var subset = new umimegu.model.LoadedImages(
                all.labels(),
                picked.stream().map(all.pixels()::get).toList(),
                picked.stream().mapToInt(i -> all.labelIndex()[i]).toArray(),
                picked.stream().map(all.sources()::get).toList(),
                List.of());
        return new Batches(subset, pre);
    }
}
