package umimegu.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import umimegu.dataset.DatasetException;
import umimegu.dataset.ImageFolder;
import umimegu.dataset.LabelledFile;
import umimegu.dataset.StratifiedSplit;
import umimegu.vision.PictureReader;

/**
 * Trains a model from {@code images/<label>/}: split, load, train with early stopping, write
 * history and curves after every epoch, score the test set when there is one, save, and switch
 * the current model. On any failure or cancellation the current model is left untouched.
 */
public final class TrainingService implements ModelTrainer {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrainingService.class);
    private final TrainingSetup config;
    private final ModelStore store;
    private final PictureReader decoder;
    private final CurveWriter curves;

    public TrainingService(TrainingSetup setup, ModelStore store, PictureReader decoder, CurveWriter curves) {
        this.config = setup;
        this.store = store;
        this.decoder = decoder;
        this.curves = curves;
    }

    @Override
    public int maxEpochs() {
        return config.kind().hasNetwork()
                ? config.settings().maxEpochs()
                : config.kind().tunedHead()
                        ? 2 * TunedHead.Recipe.DEFAULT.epochs() // trained on the split, then again on every picture
                        : FeatureHead.ROUNDS;
    }

    @Override
    public Optional<String> refusal() {
        try {
            ImageFolder.scan(config.images());
            return Optional.empty();
        } catch (DatasetException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public TrainingOutcome train(TrainingListener listener, BooleanSupplier cancelled) {
        TrainingSettings settings = config.settings();
        ImageFolder folder = ImageFolder.scan(config.images());
        List<String> labels = folder.labels();
        StratifiedSplit.Split<LabelledFile> split = StratifiedSplit.split(
                folder.files(), LabelledFile::label, labels.size(), settings.validationSplit(), settings.seed());
        Preprocessor preprocessor = new Preprocessor(config.input());
        ImageLoader loader = new ImageLoader(decoder, preprocessor);
        int total = folder.files().size();
        int trainingCount = split.training().size();
        ModelKind kind = config.kind();
        HeadFeatures features = kind.hasHead() ? headFeatures() : null;
        LoadedImages training;
        LoadedImages validation;
        HeadViews views = null;
        if (kind.hasNetwork()) {
            training = loader.load(labels, split.training(), done -> listener.onLoading(done, total));
            validation =
                    loader.load(labels, split.validation(), done -> listener.onLoading(trainingCount + done, total));
            if (kind.hasHead()) { // the ensemble's head: the features of the pictures just read
                int read = training.size();
                int all = read + validation.size();
                views = new HeadViews(
                        features.of(training.sources(), HEAD_VIEWS, done -> listener.onLoading(done, all)),
                        features.of(validation.sources(), HEAD_VIEWS, done -> listener.onLoading(read + done, all)));
            }
        } else { // the head alone needs no pixels: only pictures whose features are not kept yet are decoded
            HeadFeatures.Loaded t =
                    features.load(labels, split.training(), HEAD_VIEWS, done -> listener.onLoading(done, total));
            HeadFeatures.Loaded v = features.load(
                    labels, split.validation(), HEAD_VIEWS, done -> listener.onLoading(trainingCount + done, total));
            training = t.images();
            validation = v.images();
            views = new HeadViews(t.views(), v.views());
        }
        requireEveryLabel(training, validation);

        ModelStore.Draft draft = store.begin();
        try {
            TrainingPlan plan = TrainingPlan.of(settings, training.size());
            TrainingListener withFiles = new FileWritingListener(listener, draft, curves);
            listener.onStart(draft.directory(), training.size(), validation.size());
            Batches validationBatches = new Batches(validation, preprocessor);
            MultiLayerNetwork network = null;
            double[][] networkOutputs = null;
            Trainer.Result result = null;
            if (kind.hasNetwork()) {
                network = NetworkFactory.create(config.input(), labels.size(), settings, plan);
                result = new Trainer(settings, plan)
                        .train(
                                network,
                                new Batches(training, preprocessor),
                                validationBatches,
                                settings.augment() ? new Augmenter(config.input()) : null,
                                withFiles,
                                cancelled);
                networkOutputs = Evaluator.outputs(network, validationBatches, Evaluator.BATCH);
                if (kind.hasHead()) {
                    // the network's share of the average is calibrated on its own first
                    double networkTemperature = Calibration.fit(networkOutputs, validation.labelIndex());
                    Ensemble.calibrateInPlace(network, networkTemperature);
                    for (int i = 0; i < networkOutputs.length; i++) {
                        networkOutputs[i] = Calibration.scale(networkOutputs[i], networkTemperature);
                    }
                }
            }
            HeadPart headPart = kind.hasHead()
                    ? trainHead(
                            views,
                            training,
                            validation,
                            labels,
                            kind.hasNetwork() ? TrainingListener.NONE : withFiles,
                            cancelled)
                    : null;
            Head head = headPart == null ? null : headPart.head();
            if (result == null) {
                result = new Trainer.Result(
                        headPart.history(), headPart.history().size(), TrainingReport.StopReason.MAX_EPOCHS, List.of());
            }
            List<String> skipped = new java.util.ArrayList<>(training.skipped());
            skipped.addAll(validation.skipped());

            double[][] validationOutputs =
                    Ensemble.average(networkOutputs, headPart == null ? null : headPart.validationOutputs());
            double temperature = Calibration.fit(validationOutputs, validation.labelIndex());
            EvaluationResult before = Evaluator.score(labels, validationOutputs, validation.labelIndex(), 1.0);
            EvaluationResult after = Evaluator.score(labels, validationOutputs, validation.labelIndex(), temperature);
            TrainingReport report = new TrainingReport(
                    labels,
                    training.size(),
                    validation.size(),
                    result.history(),
                    result.bestEpoch(),
                    result.stopReason(),
                    skipped,
                    plan,
                    temperature,
                    before.expectedCalibrationError(),
                    after.expectedCalibrationError(),
                    LabelAdvice.of(labels, training.countPerLabel(), validation.countPerLabel(), after.confusion()),
                    result.rateDrops());
            ModelInfo info = new ModelInfo(
                    labels,
                    config.input(),
                    temperature,
                    kind,
                    kind.hasHead()
                            ? new BackboneSpec(Backbone.ID, config.backboneSize(), Backbone.weightsSha256())
                            : null,
                    unknownBelow(validationOutputs, temperature));
            Optional<EvaluationResult> test = testIfPresent(network, head, features, info, preprocessor);
            if (test.isPresent()) {
                try {
                    curves.writeTest(test.get(), draft.directory());
                } catch (java.io.IOException e) {
                    log.warn("Could not draw the test charts: {}", e.getMessage());
                }
            }
            Properties metrics = metrics(report, test);
            var published = draft.commit(network, head, info, effectiveConfig(), metrics);
            return new TrainingOutcome(report, draft.id(), published, test);
        } finally {
            draft.abandon();
        }
    }

    /** The views of each training picture the head learns from: mirrored and zoomed copies lift it (docs/pretrained.md). */
    private static final List<FeatureCache.View> HEAD_VIEWS = List.of(FeatureCache.View.values());

    /**
     * The calibrated top probability that {@link ModelInfo#UNKNOWN_KNOWN_SHARE} of the validation
     * faces fall below (with fewer than 20 faces, the lowest: none): the model's own "I don't know"
     * threshold, since every model's confidence on faces it knows is different (docs/training.md).
     */
    static double unknownBelow(double[][] validationOutputs, double temperature) {
        double[] top = new double[validationOutputs.length];
        for (int i = 0; i < top.length; i++) {
            double[] p = Calibration.scale(validationOutputs[i], temperature);
            top[i] = java.util.Arrays.stream(p).max().orElse(0);
        }
        java.util.Arrays.sort(top);
        return top.length == 0 ? Double.NaN : top[(int) Math.floor(ModelInfo.UNKNOWN_KNOWN_SHARE * top.length)];
    }

    /** The features of the training and validation pictures under {@link #HEAD_VIEWS}. */
    private record HeadViews(float[][][] training, float[][][] validation) {}

    /** The head to keep, what the head trained on the training split said of the validation pictures, and its curve. */
    private record HeadPart(Head head, double[][] validationOutputs, List<EpochStats> history) {}

    /**
     * Trains the head on the training split's views and scores the validation pictures with it
     * (the model's temperature is fitted on those scores); then, as the head to keep, trains it
     * again on every picture's views: with 5 a label, a fifth more to learn from (docs/pretrained.md).
     */
    private HeadPart trainHead(
            HeadViews views,
            LoadedImages training,
            LoadedImages validation,
            List<String> labels,
            TrainingListener curveListener,
            BooleanSupplier cancelled) {
        float[][][] trainingViews = views.training();
        float[][][] validationViews = views.validation();
        FeatureHead.Rows trainingRows = rows(trainingViews, training.labelIndex());
        FeatureHead.Rows validationPlain = rows(plainOnly(validationViews), validation.labelIndex());
        if (config.kind().tunedHead()) {
            return trainTunedHead(
                    trainingRows,
                    validationPlain,
                    rows(validationViews, validation.labelIndex()),
                    labels,
                    curveListener,
                    cancelled);
        }
        FeatureHead.Trained trained = FeatureHead.train(
                trainingRows, validationPlain, labels, config.settings().seed(), curveListener, cancelled);
        FeatureHead.Rows all = FeatureHead.Rows.concat(trainingRows, rows(validationViews, validation.labelIndex()));
        FeatureHead kept = FeatureHead.train(
                        all, all, labels, config.settings().seed(), TrainingListener.NONE, cancelled)
                .head();
        return new HeadPart(kept, trained.head().probabilities(validationPlain.features()), trained.history());
    }

    /** As {@link #trainHead}, with the backbone's top blocks trained too; its progress counts both trainings' epochs. */
    private HeadPart trainTunedHead(
            FeatureHead.Rows trainingRows,
            FeatureHead.Rows validationPlain,
            FeatureHead.Rows validationViews,
            List<String> labels,
            TrainingListener curveListener,
            BooleanSupplier cancelled) {
        TunedHead.Trained tuned = TunedHead.train(
                trainingRows,
                validationPlain,
                labels,
                config.settings().seed(),
                TunedHead.Recipe.DEFAULT,
                curveListener,
                cancelled);
        int epochs = TunedHead.Recipe.DEFAULT.epochs();
        TrainingListener secondHalf = new TrainingListener() { // progress only: the curves are the first training's
                    @Override
                    public void onBatch(int epoch, int batchesDone, int batchesInEpoch) {
                        curveListener.onBatch(epochs + epoch, batchesDone, batchesInEpoch);
                    }
                };
        TunedHead kept = TunedHead.train(
                        FeatureHead.Rows.concat(trainingRows, validationViews),
                        validationPlain,
                        labels,
                        config.settings().seed(),
                        TunedHead.Recipe.DEFAULT,
                        secondHalf,
                        cancelled)
                .head();
        return new HeadPart(kept, tuned.head().probabilities(validationPlain.features()), tuned.history());
    }

    /** Each picture's first view, {@link FeatureCache.View#PLAIN}. */
    private static float[][][] plainOnly(float[][][] views) {
        float[][][] out = new float[views.length][][];
        for (int i = 0; i < views.length; i++) {
            out[i] = new float[][] {views[i][0]};
        }
        return out;
    }

    private HeadFeatures headFeatures() {
        return new HeadFeatures(
                store.root(),
                config.backboneSize(),
                config.kind().cut(),
                config.settings().cropFaces(),
                decoder);
    }

    /** One row per picture and view, each with its picture's label. */
    private static FeatureHead.Rows rows(float[][][] views, int[] labelIndex) {
        int perPicture = views.length == 0 ? 0 : views[0].length;
        float[][] rows = new float[views.length * perPicture][];
        int[] labels = new int[rows.length];
        for (int i = 0; i < views.length; i++) {
            for (int v = 0; v < perPicture; v++) {
                rows[i * perPicture + v] = views[i][v];
                labels[i * perPicture + v] = labelIndex[i];
            }
        }
        return new FeatureHead.Rows(rows, labels);
    }

    private Optional<EvaluationResult> testIfPresent(
            MultiLayerNetwork network, Head head, HeadFeatures features, ModelInfo info, Preprocessor preprocessor) {
        if (!ImageFolder.hasLabelFolders(config.testImages())) {
            return Optional.empty();
        }
        ImageFolder testFolder = ImageFolder.scanAgainst(config.testImages(), info.labels());
        LoadedImages test = network == null
                ? features.load(info.labels(), testFolder.files(), List.of(FeatureCache.View.PLAIN), done -> {})
                        .images()
                : new ImageLoader(decoder, preprocessor).load(info.labels(), testFolder.files(), done -> {});
        return Optional.of(Evaluator.score(
                info.labels(),
                outputs(network, head, features, test, preprocessor),
                test.labelIndex(),
                info.temperature()));
    }

    /** What a model's parts say of these pictures, averaged as the model answers (before its temperature). */
    static double[][] outputs(
            MultiLayerNetwork network,
            Head head,
            HeadFeatures features,
            LoadedImages images,
            Preprocessor preprocessor) {
        return Ensemble.average(
                network == null ? null : Evaluator.outputs(network, new Batches(images, preprocessor), Evaluator.BATCH),
                head == null ? null : head.probabilities(features.plain(images.sources())));
    }

    private static void requireEveryLabel(LoadedImages training, LoadedImages validation) {
        int[] train = training.countPerLabel();
        int[] val = validation.countPerLabel();
        for (int i = 0; i < train.length; i++) {
            if (train[i] + val[i] == 0) {
                throw new DatasetException("label " + training.labels().get(i) + " has no readable image");
            }
        }
        if (validation.size() == 0) {
            throw new DatasetException("too few images for a validation split: add images (at least 2 per label)");
        }
    }

    /** The config as used: the file's values with command-line overrides applied. */
    private Properties effectiveConfig() {
        Properties p = new Properties();
        p.putAll(config.configUsed());
        TrainingSettings s = config.settings();
        p.setProperty("train.validation-split", String.valueOf(s.validationSplit()));
        p.setProperty("train.batch-size", auto(s.batchSize()));
        p.setProperty("train.max-epochs", String.valueOf(s.maxEpochs()));
        p.setProperty("train.patience", String.valueOf(s.patience()));
        p.setProperty("train.min-epochs", auto(s.minEpochs()));
        p.setProperty("train.learning-rate", String.valueOf(s.learningRate()));
        p.setProperty("train.warmup-steps", auto(s.warmupSteps()));
        p.setProperty("train.weight-decay", String.valueOf(s.weightDecay()));
        p.setProperty("train.lr-drops", String.valueOf(s.learningRateDrops()));
        p.setProperty("model.architecture", s.architecture().configName());
        p.setProperty("model.kind", config.kind().configName());
        p.setProperty("model.backbone-size", String.valueOf(config.backboneSize()));
        p.setProperty("train.seed", String.valueOf(s.seed()));
        p.setProperty("train.augment", String.valueOf(s.augment()));
        p.setProperty("images.dir", config.images().toString());
        p.setProperty("images.test-dir", config.testImages().toString());
        return p;
    }

    private static String auto(int value) {
        return value == TrainingSettings.AUTO ? "auto" : String.valueOf(value);
    }

    private static Properties metrics(TrainingReport report, Optional<EvaluationResult> test) {
        Properties p = new Properties();
        EpochStats best = report.best();
        p.setProperty("epochs", String.valueOf(report.epochsRun()));
        p.setProperty("best_epoch", String.valueOf(report.bestEpoch()));
        p.setProperty("stop_reason", report.stopReason().name().toLowerCase(Locale.ROOT));
        p.setProperty("train_images", String.valueOf(report.trainingImages()));
        p.setProperty("validation_images", String.valueOf(report.validationImages()));
        p.setProperty("skipped_files", String.valueOf(report.skippedFiles().size()));
        p.setProperty("val_loss", String.valueOf(best.valLoss()));
        p.setProperty("val_accuracy", String.valueOf(best.valAccuracy()));
        p.setProperty("batch_size", String.valueOf(report.plan().batchSize()));
        p.setProperty("min_epochs", String.valueOf(report.plan().minEpochs()));
        p.setProperty("warmup_steps", String.valueOf(report.plan().warmupSteps()));
        p.setProperty(
                "learning_rate_cut_after_epochs",
                report.rateDrops().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        p.setProperty("temperature", String.valueOf(report.temperature()));
        p.setProperty("val_ece_uncalibrated", String.valueOf(report.validationEceBefore()));
        p.setProperty("val_ece", String.valueOf(report.validationEce()));
        for (LabelAdvice a : report.advice()) {
            p.setProperty("label." + a.label() + ".pictures", String.valueOf(a.pictures()));
            if (a.confusedWith() != null) {
                p.setProperty("label." + a.label() + ".confused_with", a.confusedWith() + " (" + a.confusions() + ")");
            }
        }
        test.ifPresent(t -> {
            p.setProperty("test_loss", String.valueOf(t.loss()));
            p.setProperty("test_accuracy", String.valueOf(t.accuracy()));
            p.setProperty("test_images", String.valueOf(t.total()));
            p.setProperty("test_ece", String.valueOf(t.expectedCalibrationError()));
        });
        return p;
    }

    /** Rewrites history.csv and the curves after every epoch, then passes the event on. */
    private record FileWritingListener(TrainingListener next, ModelStore.Draft draft, CurveWriter curves)
            implements TrainingListener {
        @Override
        public void onBatch(int epoch, int batchesDone, int batchesInEpoch) {
            next.onBatch(epoch, batchesDone, batchesInEpoch);
        }

        @Override
        public void onEpoch(EpochStats stats, List<EpochStats> history) {
            try {
                HistoryCsv.write(history, draft.directory());
                curves.write(history, draft.directory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write learning curves: " + e.getMessage(), e);
            }
            next.onEpoch(stats, history);
        }
    }
}
