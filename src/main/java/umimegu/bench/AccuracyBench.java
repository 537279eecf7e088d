package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import umimegu.app.Application;
import umimegu.config.AppConfig;
import umimegu.config.ConfigLoader;
import umimegu.model.Classifier;
import umimegu.model.NetworkView;
import umimegu.model.Prediction;
import umimegu.model.TrainingListener;
import umimegu.model.TrainingOutcome;

/**
 * Accuracy at our users' scale: a labelled folder (default {@code ../shared/data/anime8}) is split
 * once into a fixed test set (30% of every label) and a training pool; each variant trains on 5,
 * 10 or all pool pictures per label with several seeds (the pictures drawn and the training seeded
 * alike), through the product's own training, and is scored on the test set. Prints mean and
 * sample standard deviation of test accuracy, calibration error and training minutes.
 * The {@code unknown} part trains on all but the last two labels and asks how well the answer's
 * confidence tells the unknown characters' faces from the known ones.
 */
public final class AccuracyBench {
    private static final long TEST_SPLIT_SEED = 20261201L;
    private static final double TEST_SHARE = 0.3;

    /** A way of training: the config keys it sets on top of the user's config. */
    public record Variant(String name, Map<String, String> overrides) {}

    public static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("default", new Variant("default", Map.of()));
        VARIANTS.put(
                "seed",
                new Variant(
                        "seed",
                        Map.of(
                                "model.architecture",
                                "seed",
                                "train.batch-size",
                                "128",
                                "train.min-epochs",
                                "0",
                                "train.warmup-steps",
                                "0",
                                "train.augment",
                                "false",
                                "train.weight-decay",
                                "0",
                                "train.lr-drops",
                                "0")));
        VARIANTS.put("seed-net", new Variant("seed-net", Map.of("model.architecture", "seed")));
        VARIANTS.put("no-augment", new Variant("no-augment", Map.of("train.augment", "false")));
        VARIANTS.put("fixed-rate", new Variant("fixed-rate", Map.of("train.lr-drops", "0")));
        VARIANTS.put("wd", new Variant("wd", Map.of("train.weight-decay", "0.05")));
        VARIANTS.put("pretrained", new Variant("pretrained", Map.of("model.kind", "pretrained")));
        VARIANTS.put("ensemble", new Variant("ensemble", Map.of("model.kind", "ensemble")));
        VARIANTS.put("compact", new Variant("compact", Map.of("model.kind", "compact")));
        VARIANTS.put("tuned", new Variant("tuned", Map.of("model.kind", "tuned")));
        VARIANTS.put("tuned-ensemble", new Variant("tuned-ensemble", Map.of("model.kind", "tuned-ensemble")));
    }

    private final AppConfig base;
    private final Path data;
    private final int firstSeed;
    private final int seeds;
    private final BiConsumer<String, String> figure;

    public AccuracyBench(AppConfig base, Path data, int firstSeed, int seeds, BiConsumer<String, String> figure) {
        this.base = base;
        this.data = data;
        this.firstSeed = firstSeed;
        this.seeds = seeds;
        this.figure = figure;
    }

    private record Split(List<String> labels, Map<String, List<Path>> pool, Map<String, List<Path>> test) {}

    private Split split() throws IOException {
        List<String> labels = new ArrayList<>();
        Map<String, List<Path>> pool = new LinkedHashMap<>();
        Map<String, List<Path>> test = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(data)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Path> files;
                try (Stream<Path> f = Files.list(dir)) {
                    files = new ArrayList<>(
                            f.filter(Files::isRegularFile).sorted().toList());
                }
                Collections.shuffle(files, new Random(TEST_SPLIT_SEED));
                int testCount = (int) Math.round(files.size() * TEST_SHARE);
                String label = dir.getFileName().toString();
                labels.add(label);
                test.put(label, files.subList(0, testCount));
                pool.put(label, files.subList(testCount, files.size()));
            }
        }
        return new Split(labels, pool, test);
    }

    /** Trains every variant for every size with every seed; sizes of 0 mean the whole pool. */
    public void accuracy(List<String> variants, List<Integer> sizes)
            throws IOException, umimegu.vision.ImageDecodeException {
        Split split = split();
        figure.accept(
                "accuracy_data",
                data + " (" + split.labels().size() + " labels, test "
                        + split.test().values().stream().mapToInt(List::size).sum() + " pictures)");
        for (int size : sizes) {
            for (String name : variants) {
                Variant variant = VARIANTS.get(name);
                double[] acc = new double[seeds];
                double[] ece = new double[seeds];
                double[] minutes = new double[seeds];
                double[] epochs = new double[seeds];
                double[] mirrorGain = new double[seeds];
                double[] eceUncalibrated = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    Path work = Files.createTempDirectory("umimegu-accuracy");
                    try {
                        long start = System.nanoTime();
                        TrainingOutcome outcome = train(work, variant, split, split.labels(), size, firstSeed + s);
                        minutes[s] = (System.nanoTime() - start) / 60e9;
                        acc[s] = outcome.test().orElseThrow().accuracy();
                        ece[s] = outcome.test().orElseThrow().expectedCalibrationError();
                        epochs[s] = outcome.report().epochsRun();
                        Application app = application(work, variant, firstSeed + s);
                        var model = app.store().load(outcome.modelId());
                        double plain = testAccuracy(app, new Classifier(model, false), split);
                        eceUncalibrated[s] = uncalibratedEce(app, model, split);
                        double mirrored = testAccuracy(app, new Classifier(model, true), split);
                        mirrorGain[s] = mirrored - plain;
                        figure.accept(
                                "accuracy_run",
                                String.format(
                                        Locale.ROOT,
                                        "%s per_label=%s seed=%d test_acc=%.4f ece=%.4f ece_at_T1=%.4f epochs=%d best=%d T=%.3f minutes=%.2f "
                                                + "mirror_tta_acc=%.4f",
                                        name,
                                        size == 0 ? "all" : size,
                                        firstSeed + s,
                                        acc[s],
                                        ece[s],
                                        eceUncalibrated[s],
                                        outcome.report().epochsRun(),
                                        outcome.report().bestEpoch(),
                                        outcome.report().temperature(),
                                        minutes[s],
                                        mirrored));
                    } finally {
                        delete(work);
                    }
                }
                String key = "accuracy_" + name + "_" + (size == 0 ? "all" : size);
                figure.accept(key + "_test_acc", meanSd(acc));
                figure.accept(key + "_ece", meanSd(ece));
                figure.accept(key + "_ece_uncalibrated", meanSd(eceUncalibrated));
                figure.accept(key + "_train_minutes", meanSd(minutes));
                figure.accept(key + "_epochs", meanSd(epochs));
                figure.accept(key + "_mirror_tta_gain", meanSd(mirrorGain));
            }
        }
    }

    /**
     * The pretrained backbone's features under a linear probe, on the same test set and the same
     * draws of training pictures as {@link #accuracy}: how far pretrained features go before any
     * recipe (docs/pretrained.md).
     */
    public void probe(int pictureSize, List<Integer> sizes) throws IOException, umimegu.vision.ImageDecodeException {
        probe(pictureSize, sizes, false, java.util.Set.of());
    }

    /**
     * As {@link #probe(int, List)}; with {@code ensemble}, each seed also trains today's default
     * (the compact network) on the same pictures and scores the average of its calibrated
     * probabilities and the flipped-view probe's (minutes per seed).
     */
    public void probe(int pictureSize, List<Integer> sizes, boolean ensemble, java.util.Set<String> extras)
            throws IOException, umimegu.vision.ImageDecodeException {
        Split split = split();
        umimegu.model.FeatureProbe probe = new umimegu.model.FeatureProbe(pictureSize);
        umimegu.vision.ImageDecoder decoder = new umimegu.vision.ImageDecoder(base.decode());
        Map<Path, float[]> features = new java.util.HashMap<>();
        Map<Path, float[]> mirrored = new java.util.HashMap<>(); // training pictures flipped: an augmented view
        Map<Path, float[]> histograms = new java.util.HashMap<>();
        long start = System.nanoTime();
        for (String label : split.labels()) {
            List<Path> files = new ArrayList<>(split.pool().get(label));
            files.addAll(split.test().get(label));
            List<java.awt.image.BufferedImage> pictures = new ArrayList<>();
            for (Path f : files) {
                pictures.add(decoder.decode(f));
            }
            float[][] rows = probe.features(pictures);
            for (int i = 0; i < files.size(); i++) {
                features.put(files.get(i), rows[i]);
                if (extras.contains("histogram")) {
                    histograms.put(files.get(i), histogram(pictures.get(i)));
                }
            }
            int pool = split.pool().get(label).size();
            float[][] flipped = probe.features(pictures.subList(0, pool).stream()
                    .map(umimegu.model.FeatureCache::mirrored)
                    .toList());
            for (int i = 0; i < pool; i++) {
                mirrored.put(files.get(i), flipped[i]);
            }
        }
        figure.accept(
                "probe_features",
                String.format(
                        Locale.ROOT,
                        "%d pictures at %d px in %.1f s",
                        features.size(),
                        pictureSize,
                        (System.nanoTime() - start) / 1e9));
        for (int size : sizes) {
            for (boolean flips : List.of(false, true)) {
                probeAccuracy(split, features, flips ? mirrored : Map.of(), pictureSize, size, "");
            }
            if (extras.contains("histogram")) {
                probeAccuracy(
                        split,
                        beside(features, histograms),
                        beside(mirrored, histograms),
                        pictureSize,
                        size,
                        "_histogram");
            }
            if (ensemble) {
                probeEnsemble(split, features, mirrored, pictureSize, size);
            }
        }
        probeUnknown(split, features, pictureSize);
        if (extras.contains("unknown-scores")) {
            for (int size : sizes) {
                probeUnknownScores(split, features, mirrored, pictureSize, size);
            }
        }
    }

    /**
     * The {@code tuned} kind's training ({@link umimegu.model.TunedHead}) under each recipe, beside
     * a linear head on the same pooled features, on the draws of {@link #accuracy}; every training
     * picture under the product's four views.
     */
    public void finetune(int pictureSize, List<Integer> sizes, List<String> recipes)
            throws IOException, umimegu.vision.ImageDecodeException {
        Split split = split();
        umimegu.vision.ImageDecoder decoder = new umimegu.vision.ImageDecoder(base.decode());
        umimegu.model.Backbone backbone =
                umimegu.model.Backbone.shared(pictureSize, umimegu.model.Backbone.Cut.TOP_INPUT);
        Map<Path, float[][]> kept = new java.util.HashMap<>();
        long start = System.nanoTime();
        for (String label : split.labels()) {
            for (boolean pool : List.of(true, false)) {
                List<Path> files = (pool ? split.pool() : split.test()).get(label);
                List<java.awt.image.BufferedImage> pictures = new ArrayList<>();
                for (Path f : files) {
                    pictures.add(decoder.decode(f));
                }
                List<umimegu.model.FeatureCache.View> views = pool
                        ? List.of(umimegu.model.FeatureCache.View.values())
                        : List.of(umimegu.model.FeatureCache.View.PLAIN);
                float[][][] rows = new float[files.size()][views.size()][];
                for (int v = 0; v < views.size(); v++) {
                    float[][] out = backbone.features(
                            pictures.stream().map(views.get(v)::apply).toList());
                    for (int i = 0; i < files.size(); i++) {
                        rows[i][v] = out[i];
                    }
                }
                for (int i = 0; i < files.size(); i++) {
                    kept.put(files.get(i), rows[i]);
                }
            }
        }
        figure.accept(
                "finetune_kept",
                String.format(
                        Locale.ROOT,
                        "%d pictures at %d px in %.1f s, %d values a row",
                        kept.size(),
                        pictureSize,
                        (System.nanoTime() - start) / 1e9,
                        kept.values().iterator().next()[0].length));
        List<float[]> test = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int l = 0; l < split.labels().size(); l++) {
            for (Path f : split.test().get(split.labels().get(l))) {
                test.add(kept.get(f)[0]);
                testLabels.add(l);
            }
        }
        float[][] testRows = test.toArray(float[][]::new);
        int[] testLabel = testLabels.stream().mapToInt(Integer::intValue).toArray();
        List<String> names = split.labels();
        for (int size : sizes) {
            for (String r : recipes) {
                String[] p = r.split(":");
                var recipe = new umimegu.model.TunedHead.Recipe(
                        Integer.parseInt(p[0]),
                        Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]),
                        Double.parseDouble(p[3]));
                double[] head = new double[seeds];
                double[] tuned = new double[seeds];
                double[] seconds = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    Random random = new Random(firstSeed + s);
                    List<float[]> train = new ArrayList<>();
                    List<Integer> labels = new ArrayList<>();
                    for (int l = 0; l < names.size(); l++) {
                        for (Path f : drawn(split, names.get(l), size, random)) {
                            for (float[] row : kept.get(f)) {
                                train.add(row);
                                labels.add(l);
                            }
                        }
                    }
                    var rows = new umimegu.model.FeatureHead.Rows(
                            train.toArray(float[][]::new),
                            labels.stream().mapToInt(Integer::intValue).toArray());
                    var pooled = new umimegu.model.FeatureHead.Rows(
                            train.stream()
                                    .map(row -> Arrays.copyOf(row, umimegu.model.TunedHead.POOLED))
                                    .toArray(float[][]::new),
                            rows.labels());
                    head[s] = accuracy(
                            umimegu.model.FeatureHead.train(
                                            pooled,
                                            pooled,
                                            names,
                                            firstSeed + s,
                                            umimegu.model.TrainingListener.NONE,
                                            () -> false)
                                    .head()
                                    .probabilities(Arrays.stream(testRows)
                                            .map(row -> Arrays.copyOf(row, umimegu.model.TunedHead.POOLED))
                                            .toArray(float[][]::new)),
                            testLabel);
                    long t0 = System.nanoTime();
                    var trained = umimegu.model.TunedHead.train(
                            rows,
                            new umimegu.model.FeatureHead.Rows(Arrays.copyOf(testRows, 8), Arrays.copyOf(testLabel, 8)),
                            names,
                            firstSeed + s,
                            recipe,
                            umimegu.model.TrainingListener.NONE,
                            () -> false);
                    seconds[s] = (System.nanoTime() - t0) / 1e9;
                    tuned[s] = accuracy(trained.head().probabilities(testRows), testLabel);
                    figure.accept(
                            "finetune_run",
                            String.format(
                                    Locale.ROOT,
                                    "recipe=%s per_label=%s seed=%d head=%.4f tuned=%.4f seconds=%.1f",
                                    r,
                                    size == 0 ? "all" : size,
                                    firstSeed + s,
                                    head[s],
                                    tuned[s],
                                    seconds[s]));
                }
                String key = "finetune_" + r + "_" + (size == 0 ? "all" : size);
                figure.accept(key + "_head_test_acc", meanSd(head));
                figure.accept(key + "_tuned_test_acc", meanSd(tuned));
                figure.accept(key + "_seconds", meanSd(seconds));
            }
        }
    }

    private static double accuracy(double[][] p, int[] labels) {
        return umimegu.model.Evaluator.score(
                        java.util.stream.IntStream.range(0, p[0].length)
                                .mapToObj(String::valueOf)
                                .toList(),
                        p,
                        labels,
                        1.0)
                .accuracy();
    }

    /** Each row with the other map's row of the same file after it. */
    private static Map<Path, float[]> beside(Map<Path, float[]> rows, Map<Path, float[]> more) {
        Map<Path, float[]> out = new java.util.HashMap<>();
        rows.forEach((file, row) -> {
            float[] extra = more.get(file);
            float[] both = Arrays.copyOf(row, row.length + extra.length);
            System.arraycopy(extra, 0, both, row.length, extra.length);
            out.put(file, both);
        });
        return out;
    }

    /** An 8×8×8 RGB histogram, square-rooted so that its Euclidean length is 1. */
    private static float[] histogram(java.awt.image.BufferedImage picture) {
        float[] bins = new float[512];
        int w = picture.getWidth();
        int h = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        for (int c : argb) {
            bins[((c >> 21) & 7) * 64 + ((c >> 13) & 7) * 8 + ((c >> 5) & 7)]++;
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] = (float) Math.sqrt(bins[i] / argb.length);
        }
        return bins;
    }

    /**
     * Candidate "I don't know" scores on the features, trained on {@code size} pictures of each of
     * all labels but the last two (the draws of {@link #accuracy}), asked about the test pictures of
     * all: a shared-covariance Gaussian per label at several shrinkages, plain and relative, and
     * the nearest training picture's cosine.
     */
    private void probeUnknownScores(
            Split split, Map<Path, float[]> features, Map<Path, float[]> mirrored, int pictureSize, int size) {
        List<String> known = split.labels().subList(0, split.labels().size() - 2);
        Split knownSplit = new Split(known, split.pool(), split.test());
        Map<String, double[]> auroc = new LinkedHashMap<>();
        Map<String, double[]> rejected = new LinkedHashMap<>();
        for (int s = 0; s < seeds; s++) {
            Rows train = trainingRows(knownSplit, features, mirrored, size, firstSeed + s);
            List<float[]> knownRows = new ArrayList<>();
            List<float[]> unknownRows = new ArrayList<>();
            for (String label : split.labels()) {
                for (Path f : split.test().get(label)) {
                    (known.contains(label) ? knownRows : unknownRows).add(features.get(f));
                }
            }
            float[][] k = knownRows.toArray(float[][]::new);
            float[][] u = unknownRows.toArray(float[][]::new);
            Map<String, java.util.function.Function<float[][], double[]>> scores = new LinkedHashMap<>();
            for (double shrink : new double[] {0.1, 0.3, 0.6, 0.9}) {
                for (boolean relative : new boolean[] {false, true}) {
                    var g = umimegu.model.FeatureGaussian.fit(
                            train.rows(), train.labels(), known.size(), shrink, relative);
                    scores.put((relative ? "relative_" : "") + "gaussian_" + shrink, g::scores);
                }
            }
            scores.put("nearest_picture_cosine", rows -> {
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    double best = -1;
                    for (float[] t : train.rows()) {
                        best = Math.max(best, cosine(rows[i], t));
                    }
                    out[i] = best;
                }
                return out;
            });
            var probe = umimegu.model.FeatureProbe.train(train.rows(), train.labels(), known.size(), firstSeed + s);
            scores.put(
                    "probe_probability",
                    rows -> Arrays.stream(probe.probabilities(rows))
                            .mapToDouble(p -> Arrays.stream(p).max().orElse(0))
                            .toArray());
            for (var score : scores.entrySet()) {
                List<Double> ks =
                        Arrays.stream(score.getValue().apply(k)).boxed().toList();
                List<Double> us =
                        Arrays.stream(score.getValue().apply(u)).boxed().toList();
                auroc.computeIfAbsent(score.getKey(), x -> new double[seeds])[s] = auroc(ks, us);
                rejected.computeIfAbsent(score.getKey(), x -> new double[seeds])[s] =
                        OpenSetScores.rejectedAt(ks, us, 0.05);
            }
        }
        for (String name : auroc.keySet()) {
            figure.accept(
                    "probe_" + pictureSize + "_" + (size == 0 ? "all" : size) + (mirrored.isEmpty() ? "" : "_flips")
                            + "_unknown_" + name,
                    "auroc " + meanSd(auroc.get(name)) + "; unknown rejected at 5% known "
                            + meanSd(rejected.get(name)));
        }
    }

    private void probeAccuracy(
            Split split,
            Map<Path, float[]> features,
            Map<Path, float[]> mirrored,
            int pictureSize,
            int size,
            String suffix) {
        double[] acc = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Rows train = trainingRows(split, features, mirrored, size, firstSeed + s);
            List<float[]> testRows = new ArrayList<>();
            List<Integer> testLabels = new ArrayList<>();
            for (int l = 0; l < split.labels().size(); l++) {
                for (Path f : split.test().get(split.labels().get(l))) {
                    testRows.add(features.get(f));
                    testLabels.add(l);
                }
            }
            acc[s] = umimegu.model.FeatureProbe.train(
                            train.rows(), train.labels(), split.labels().size(), firstSeed + s)
                    .accuracy(
                            testRows.toArray(float[][]::new),
                            testLabels.stream().mapToInt(Integer::intValue).toArray());
        }
        figure.accept(
                "probe_" + pictureSize + "_" + (size == 0 ? "all" : size) + (mirrored.isEmpty() ? "" : "_flips")
                        + suffix + "_test_acc",
                meanSd(acc));
    }

    /** Feature rows with their label indexes. */
    private record Rows(float[][] rows, int[] labels) {}

    /** The features of the pictures {@link #train} draws with {@code seed}, each followed by its mirrored copy's when given. */
    private static Rows trainingRows(
            Split split, Map<Path, float[]> features, Map<Path, float[]> mirrored, int size, int seed) {
        Random random = new Random(seed);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int l = 0; l < split.labels().size(); l++) {
            for (Path f : drawn(split, split.labels().get(l), size, random)) {
                rows.add(features.get(f));
                labels.add(l);
                if (mirrored.containsKey(f)) {
                    rows.add(mirrored.get(f));
                    labels.add(l);
                }
            }
        }
        return new Rows(
                rows.toArray(float[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code size} training pictures of a label (0: all), drawn from its pool with {@code random}. */
    private static List<Path> drawn(Split split, String label, int size, Random random) {
        List<Path> pool = new ArrayList<>(split.pool().get(label));
        Collections.shuffle(pool, random);
        return pool.subList(0, size == 0 ? pool.size() : Math.min(size, pool.size()));
    }

    /** The flipped-view probe, today's default, and their average, on the same draws. */
    private void probeEnsemble(
            Split split, Map<Path, float[]> features, Map<Path, float[]> mirrored, int pictureSize, int size)
            throws IOException, umimegu.vision.ImageDecodeException {
        double[] probeAcc = new double[seeds];
        double[] compactAcc = new double[seeds];
        double[] bothAcc = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            int seed = firstSeed + s;
            Rows train = trainingRows(split, features, mirrored, size, seed);
            var probe = umimegu.model.FeatureProbe.train(
                    train.rows(), train.labels(), split.labels().size(), seed);
            Path work = Files.createTempDirectory("umimegu-ensemble");
            try {
                Variant variant = VARIANTS.get("default");
                TrainingOutcome outcome = train(work, variant, split, split.labels(), size, seed);
                Application app = application(work, variant, seed);
                Classifier compact = new Classifier(app.store().load(outcome.modelId()), false);
                int right = 0;
                int rightCompact = 0;
                int rightBoth = 0;
                int total = 0;
                for (int l = 0; l < split.labels().size(); l++) {
                    for (Path f : split.test().get(split.labels().get(l))) {
                        double[] p = probe.probabilities(new float[][] {features.get(f)})[0];
                        List<Double> c =
                                compact.predict(app.decoder().decode(f)).probabilities();
                        double[] both = new double[p.length];
                        for (int k = 0; k < p.length; k++) {
                            both[k] = (p[k] + c.get(k)) / 2;
                        }
                        right += argMax(p) == l ? 1 : 0;
                        rightCompact += argMax(c.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .toArray())
                                        == l
                                ? 1
                                : 0;
                        rightBoth += argMax(both) == l ? 1 : 0;
                        total++;
                    }
                }
                probeAcc[s] = right / (double) total;
                compactAcc[s] = rightCompact / (double) total;
                bothAcc[s] = rightBoth / (double) total;
            } finally {
                delete(work);
            }
        }
        String key = "probe_" + pictureSize + "_" + (size == 0 ? "all" : size);
        figure.accept(key + "_ensemble_probe_flips_test_acc", meanSd(probeAcc));
        figure.accept(key + "_ensemble_default_test_acc", meanSd(compactAcc));
        figure.accept(key + "_ensemble_average_test_acc", meanSd(bothAcc));
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /**
     * The probe trained on all labels but the last two, asked about the test pictures of all:
     * how well its top probability, and the cosine to the nearest label's mean feature, tell the
     * unknown characters apart (AUROC, and the share of unknown faces turned away where 5% of the
     * known ones are).
     */
    private void probeUnknown(Split split, Map<Path, float[]> features, int pictureSize) {
        List<String> known = split.labels().subList(0, split.labels().size() - 2);
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        float[][] prototypes = new float[known.size()][];
        for (int l = 0; l < known.size(); l++) {
            for (Path f : split.pool().get(known.get(l))) {
                trainRows.add(features.get(f));
                trainLabels.add(l);
                float[] row = features.get(f);
                if (prototypes[l] == null) {
                    prototypes[l] = new float[row.length];
                }
                for (int k = 0; k < row.length; k++) {
                    prototypes[l][k] += row[k];
                }
            }
        }
        var probe = umimegu.model.FeatureProbe.train(
                trainRows.toArray(float[][]::new),
                trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                known.size(),
                firstSeed);
        Map<String, List<Double>> probability = Map.of("known", new ArrayList<>(), "unknown", new ArrayList<>());
        Map<String, List<Double>> cosine = Map.of("known", new ArrayList<>(), "unknown", new ArrayList<>());
        for (String label : split.labels()) {
            String kind = known.contains(label) ? "known" : "unknown";
            float[][] rows = split.test().get(label).stream().map(features::get).toArray(float[][]::new);
            for (double[] p : probe.probabilities(rows)) {
                probability.get(kind).add(Arrays.stream(p).max().orElse(0));
            }
            for (float[] row : rows) {
                double best = -1;
                for (float[] prototype : prototypes) {
                    best = Math.max(best, cosine(row, prototype));
                }
                cosine.get(kind).add(best);
            }
        }
        figure.accept(
                "probe_unknown_labels",
                "trained on " + known + ", unknown "
                        + split.labels().subList(known.size(), split.labels().size()));
        for (var score :
                Map.of("probability", probability, "prototype_cosine", cosine).entrySet()) {
            List<Double> k = score.getValue().get("known");
            List<Double> u = score.getValue().get("unknown");
            List<Double> sorted = k.stream().sorted().toList();
            double threshold = sorted.get((int) Math.floor(0.05 * sorted.size()));
            figure.accept(
                    "probe_" + pictureSize + "_unknown_" + score.getKey(),
                    String.format(
                            Locale.ROOT,
                            "auroc=%.3f unknown_rejected=%.3f at known_rejected=%.3f (threshold %.3f)",
                            auroc(k, u),
                            share(u, threshold),
                            share(k, threshold),
                            threshold));
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Trains on all labels but the last {@code unknownCount} and scores how the confidence separates the unknown faces. */
    public void unknown(String variantName, int unknownCount, double threshold)
            throws IOException, umimegu.vision.ImageDecodeException {
        Split split = split();
        List<String> known = split.labels().subList(0, split.labels().size() - unknownCount);
        List<String> unknown =
                split.labels().subList(known.size(), split.labels().size());
        figure.accept("unknown_labels", "trained on " + known + ", unknown " + unknown);
        double[] auroc = new double[seeds];
        double[] rejected = new double[seeds];
        double[] falselyRejected = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Path work = Files.createTempDirectory("umimegu-unknown");
            try {
                TrainingOutcome outcome = train(work, VARIANTS.get(variantName), split, known, 0, firstSeed + s);
                Application app = application(work, VARIANTS.get(variantName), firstSeed + s);
                Classifier classifier = app.classifier(outcome.modelId());
                List<Double> knownScores = scores(app, classifier, split, known);
                List<Double> unknownScores = scores(app, classifier, split, unknown);
                double fitted = classifier.model().info().unknownBelow();
                double below = !Double.isNaN(threshold)
                        ? threshold
                        : umimegu.recognition.AnswerFormatter.autoUnknownBelow(
                                fitted, base.answers().unsureBelow());
                auroc[s] = auroc(knownScores, unknownScores);
                rejected[s] = share(unknownScores, below);
                falselyRejected[s] = share(knownScores, below);
                figure.accept(
                        "unknown_run",
                        String.format(
                                Locale.ROOT,
                                "seed=%d auroc=%.3f unknown_rejected=%.3f known_rejected=%.3f below=%.3f (%s)",
                                firstSeed + s,
                                auroc[s],
                                rejected[s],
                                falselyRejected[s],
                                below,
                                Double.isNaN(threshold) ? "the model's own" : "fixed"));
                StringBuilder curve = new StringBuilder();
                for (double t = 0.3; t < 0.95; t += 0.1) {
                    curve.append(String.format(
                            Locale.ROOT,
                            " below_%.1f: unknown %.3f known %.3f",
                            t,
                            share(unknownScores, t),
                            share(knownScores, t)));
                }
                figure.accept("unknown_run_thresholds", "seed=" + (firstSeed + s) + curve);
                figure.accept(
                        "unknown_run_scores",
                        "seed=" + (firstSeed + s) + " msp: " + separation(knownScores, unknownScores)
                                + otherScores(app, classifier, split, known, unknown));
            } finally {
                delete(work);
            }
        }
        figure.accept("unknown_auroc", meanSd(auroc));
        String rule = Double.isNaN(threshold) ? "auto" : String.valueOf(threshold);
        figure.accept("unknown_rejected_below_" + rule, meanSd(rejected));
        figure.accept("known_rejected_below_" + rule, meanSd(falselyRejected));
    }

    /** AUROC and the unknown faces turned away when 5% and 10% of the known ones are. */
    private static String separation(List<Double> known, List<Double> unknown) {
        return String.format(
                Locale.ROOT,
                "auroc %.3f, unknown rejected at 5%% known %.3f, at 10%% %.3f",
                auroc(known, unknown),
                OpenSetScores.rejectedAt(known, unknown, 0.05),
                OpenSetScores.rejectedAt(known, unknown, 0.10));
    }

    private static String otherScores(
            Application app, Classifier classifier, Split split, List<String> known, List<String> unknown)
            throws umimegu.vision.ImageDecodeException {
        Map<String, List<NetworkView>> training = new LinkedHashMap<>();
        for (String label : known) {
            training.put(label, views(app, classifier, split.pool().get(label)));
        }
        List<NetworkView> knownViews = new ArrayList<>();
        for (String label : known) {
            knownViews.addAll(views(app, classifier, split.test().get(label)));
        }
        List<NetworkView> unknownViews = new ArrayList<>();
        for (String label : unknown) {
            unknownViews.addAll(views(app, classifier, split.test().get(label)));
        }
        StringBuilder out = new StringBuilder();
        new OpenSetScores(training)
                .all()
                .forEach((name, score) -> out.append("; ")
                        .append(name)
                        .append(": ")
                        .append(separation(
                                knownViews.stream().map(score::applyAsDouble).toList(),
                                unknownViews.stream().map(score::applyAsDouble).toList())));
        backboneScores(app, split, known, unknown, knownViews, unknownViews, training, out);
        return out.toString();
    }

    /**
     * The pretrained backbone's relative Gaussian score (docs/pretrained.md) on its own and summed
     * with the network's energy, each scaled by its spread over the known training pictures.
     */
    private static void backboneScores(
            Application app,
            Split split,
            List<String> known,
            List<String> unknown,
            List<NetworkView> knownViews,
            List<NetworkView> unknownViews,
            Map<String, List<NetworkView>> training,
            StringBuilder out)
            throws umimegu.vision.ImageDecodeException {
        umimegu.model.FeatureProbe probe = new umimegu.model.FeatureProbe(160);
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        for (int l = 0; l < known.size(); l++) {
            for (float[] row : backboneFeatures(app, probe, split.pool().get(known.get(l)))) {
                trainRows.add(row);
                trainLabels.add(l);
            }
        }
        List<float[]> knownRows = new ArrayList<>();
        for (String label : known) {
            knownRows.addAll(backboneFeatures(app, probe, split.test().get(label)));
        }
        List<float[]> unknownRows = new ArrayList<>();
        for (String label : unknown) {
            unknownRows.addAll(backboneFeatures(app, probe, split.test().get(label)));
        }
        float[][] train = trainRows.toArray(float[][]::new);
        List<NetworkView> trainViews =
                training.values().stream().flatMap(List::stream).toList();
        double[] energyTrain =
                trainViews.stream().mapToDouble(OpenSetScores::energy).toArray();
        for (double shrink : new double[] {0.9, 1.0}) {
            var gaussian = umimegu.model.FeatureGaussian.fit(
                    train, trainLabels.stream().mapToInt(Integer::intValue).toArray(), known.size(), shrink, true);
            double[] gk = gaussian.scores(knownRows.toArray(float[][]::new));
            double[] gu = gaussian.scores(unknownRows.toArray(float[][]::new));
            out.append("; backbone_relative_gaussian_")
                    .append(shrink)
                    .append(": ")
                    .append(separation(boxed(gk), boxed(gu)));
            double gaussianSd = sd(gaussian.scores(train));
            double energySd = sd(energyTrain);
            for (double weight : new double[] {0.5, 1.0, 2.0}) {
                List<Double> fk = new ArrayList<>();
                for (int i = 0; i < gk.length; i++) {
                    fk.add(OpenSetScores.energy(knownViews.get(i)) / energySd + weight * gk[i] / gaussianSd);
                }
                List<Double> fu = new ArrayList<>();
                for (int i = 0; i < gu.length; i++) {
                    fu.add(OpenSetScores.energy(unknownViews.get(i)) / energySd + weight * gu[i] / gaussianSd);
                }
                out.append("; energy_plus_")
                        .append(weight)
                        .append("_backbone_gaussian_")
                        .append(shrink)
                        .append(": ")
                        .append(separation(fk, fu));
            }
        }
    }

    private static List<float[]> backboneFeatures(Application app, umimegu.model.FeatureProbe probe, List<Path> files)
            throws umimegu.vision.ImageDecodeException {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(app.decoder().decode(f));
        }
        return Arrays.asList(probe.features(images));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double sd(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Math.sqrt(
                Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1));
    }

    private static List<NetworkView> views(Application app, Classifier classifier, List<Path> files)
            throws umimegu.vision.ImageDecodeException {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(app.decoder().decode(f));
        }
        return classifier.inspect(images);
    }

    /** The test split's calibration error with the network's own probabilities (temperature 1). */
    private static double uncalibratedEce(Application app, umimegu.model.StoredModel model, Split split)
            throws umimegu.vision.ImageDecodeException {
        var info = model.info();
        Classifier raw = new Classifier(new umimegu.model.StoredModel(
                model.id(), model.directory(), model.network(), info.withTemperature(1.0), model.head()));
        List<double[]> outputs = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        for (int c = 0; c < info.labels().size(); c++) {
            for (Path file : split.test().get(info.labels().get(c))) {
                outputs.add(raw.predict(app.decoder().decode(file)).probabilities().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray());
                actual.add(c);
            }
        }
        return umimegu.model.Evaluator.score(
                        info.labels(),
                        outputs.toArray(double[][]::new),
                        actual.stream().mapToInt(Integer::intValue).toArray(),
                        1.0)
                .expectedCalibrationError();
    }

    private static double testAccuracy(Application app, Classifier classifier, Split split)
            throws umimegu.vision.ImageDecodeException {
        int right = 0;
        int total = 0;
        for (String label : classifier.model().info().labels()) {
            for (Path file : split.test().get(label)) {
                right += classifier.predict(app.decoder().decode(file)).label().equals(label) ? 1 : 0;
                total++;
            }
        }
        return (double) right / total;
    }

    private List<Double> scores(Application app, Classifier classifier, Split split, List<String> labels)
            throws umimegu.vision.ImageDecodeException {
        List<Double> out = new ArrayList<>();
        for (String label : labels) {
            for (Path file : split.test().get(label)) {
                Prediction p = classifier.predict(app.decoder().decode(file));
                out.add(p.probability());
            }
        }
        return out;
    }

    /** Probability that a known face scores higher than an unknown one (ties count half). */
    static double auroc(List<Double> known, List<Double> unknown) {
        double wins = 0;
        for (double k : known) {
            for (double u : unknown) {
                wins += k > u ? 1 : k == u ? 0.5 : 0;
            }
        }
        return wins / ((double) known.size() * unknown.size());
    }

    private static double share(List<Double> scores, double threshold) {
        return scores.stream().filter(v -> v < threshold).count() / (double) scores.size();
    }

    private Application application(Path work, Variant variant, int seed) {
        Properties p = (Properties) base.source().clone();
        variant.overrides().forEach(p::setProperty);
        p.setProperty("images.dir", work.resolve("images").toString());
        p.setProperty("images.test-dir", work.resolve("images-test").toString());
        p.setProperty("models.dir", work.resolve("models").toString());
        p.setProperty("train.seed", String.valueOf(seed));
        return new Application(ConfigLoader.parse(p));
    }

    private TrainingOutcome train(Path work, Variant variant, Split split, List<String> labels, int size, int seed)
            throws IOException {
        Random random = new Random(seed);
        for (String label : labels) {
            link(drawn(split, label, size, random), work.resolve("images").resolve(label));
            link(split.test().get(label), work.resolve("images-test").resolve(label));
        }
        return application(work, variant, seed).trainingService().train(new TrainingListener() {}, () -> false);
    }

    /** Links, not copies: the pictures stay where they are. */
    private static void link(List<Path> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path f : files) {
            Files.createSymbolicLink(dir.resolve(f.getFileName()), f.toAbsolutePath());
        }
    }

    static String meanSd(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double sd = values.length < 2
                ? 0
                : Math.sqrt(
                        Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
        return String.format(Locale.ROOT, "%.4f (sd %.4f, n=%d)", mean, sd, values.length);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
