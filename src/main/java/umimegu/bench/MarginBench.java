package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import umimegu.app.Application;
import umimegu.config.AppConfig;
import umimegu.config.ConfigLoader;
import umimegu.model.TrainingListener;
import umimegu.recognition.FaceCropper;
import umimegu.recognition.FaceDetection;

/**
 * How much the crop margin helps: crops a labelled folder of pictures with each margin, trains on
 * each crop set with a few seeds (different validation splits), and prints the mean validation
 * accuracy and loss per margin (the best epoch's), the loss with its spread across seeds, so a
 * difference can be told from seed-to-seed noise. Used to choose the default of {@code faces.margin}.
 */
public final class MarginBench {
    private static final double[] MARGINS = {0.0, 0.1, 0.25, 0.5};
    private static final int SEEDS = 5;

    private MarginBench() {}

    public static void run(AppConfig base, Path labelled, BiConsumer<String, String> figure) throws IOException {
        Path work = Files.createTempDirectory("umimegu-margin");
        try {
            for (double margin : MARGINS) {
                Properties p = (Properties) base.source().clone();
                p.setProperty("faces.margin", String.valueOf(margin));
                Path images = work.resolve("m" + margin).resolve("images");
                AppConfig cropConfig = ConfigLoader.parse(p);
                Application cropping = new Application(cropConfig);
                FaceDetection detection = cropping.faceDetection();
                if (!detection.isAvailable()) {
                    figure.accept("margin_bench", "skipped (" + detection.unavailableReason() + ")");
                    return;
                }
                FaceCropper.Report crops = new FaceCropper(cropping.decoder(), detection).crop(labelled, images);
                double sum = 0;
                double[] losses = new double[SEEDS];
                for (int seed = 1; seed <= SEEDS; seed++) {
                    p.setProperty("images.dir", images.toString());
                    p.setProperty("images.test-dir", work.resolve("no-test").toString());
                    p.setProperty(
                            "models.dir",
                            work.resolve("m" + margin).resolve("models-" + seed).toString());
                    p.setProperty("input.width", "64");
                    p.setProperty("input.height", "64");
                    p.setProperty("train.batch-size", "16");
                    p.setProperty("train.max-epochs", "40");
                    p.setProperty("train.patience", "8");
                    p.setProperty("train.seed", String.valueOf(seed));
                    var outcome = new Application(ConfigLoader.parse(p))
                            .trainingService()
                            .train(new TrainingListener() {}, () -> false);
                    sum += outcome.report().best().valAccuracy();
                    losses[seed - 1] = outcome.report().best().valLoss();
                }
                figure.accept("margin_" + margin + "_crops", String.valueOf(crops.faces()));
                figure.accept("margin_" + margin + "_val_acc", Figures.fmt(100 * sum / SEEDS));
                double mean = Arrays.stream(losses).average().orElse(Double.NaN);
                double sd = Math.sqrt(
                        Arrays.stream(losses).map(l -> (l - mean) * (l - mean)).sum() / (SEEDS - 1));
                figure.accept(
                        "margin_" + margin + "_val_loss",
                        String.format(Locale.ROOT, "%.4f (sd %.4f over %d seeds)", mean, sd, SEEDS));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
