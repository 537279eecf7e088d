package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import umimegu.model.NsfwRater;
import umimegu.model.backbone.MobileNetV2;
import umimegu.vision.DecodeLimits;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * How the spoiler rater scores a folder of pictures known to be safe for work: the share that
 * would be posted as spoilers at a threshold, the spread of the scores, and the time a picture.
 */
public final class NsfwBench {
    private NsfwBench() {}

    public static void run(Path folder, double threshold, DecodeLimits decode, BiConsumer<String, String> figure)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("(?i).*\\.(png|jpe?g|webp|bmp|gif)"))
                    .sorted()
                    .toList();
        }
        ImageDecoder decoder = new ImageDecoder(decode);
        NsfwRater rater = NsfwRater.shared();
        List<Double> scores = new ArrayList<>();
        double[] classSums = new double[MobileNetV2.NSFW_CLASSES.size()];
        String worst = "";
        double worstScore = -1;
        long nanos = 0;
        for (Path f : files) {
            try {
                var picture = decoder.decode(f);
                long start = System.nanoTime();
                double[] p = rater.probabilities(picture);
                double score = NsfwRater.explicitness(p);
                nanos += System.nanoTime() - start;
                scores.add(score);
                for (int i = 0; i < p.length; i++) {
                    classSums[i] += p[i];
                }
                if (score > worstScore) {
                    worstScore = score;
                    worst = folder.relativize(f).toString();
                }
            } catch (ImageDecodeException e) {
                // hostile or odd files are not what this part measures
            }
        }
        if (scores.isEmpty()) {
            figure.accept("nsfw", "no pictures in " + folder);
            return;
        }
        double[] sorted =
                scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        figure.accept("nsfw_data", folder + " (" + sorted.length + " pictures)");
        figure.accept(
                "nsfw_spoilered_share",
                String.format(
                        Locale.ROOT,
                        "%.4f at answer.nsfw-spoiler-above=%.2f",
                        Arrays.stream(sorted).filter(s -> s >= threshold).count() / (double) sorted.length,
                        threshold));
        figure.accept(
                "nsfw_score_p50_p90_p99_max",
                String.format(
                        Locale.ROOT,
                        "%.4f %.4f %.4f %.4f (%s)",
                        Figures.percentile(sorted, 50),
                        Figures.percentile(sorted, 90),
                        Figures.percentile(sorted, 99),
                        sorted[sorted.length - 1],
                        worst));
        StringBuilder means = new StringBuilder();
        for (int i = 0; i < classSums.length; i++) {
            means.append(String.format(
                    Locale.ROOT,
                    "%s%s=%.3f",
                    i == 0 ? "" : " ",
                    MobileNetV2.NSFW_CLASSES.get(i),
                    classSums[i] / sorted.length));
        }
        figure.accept("nsfw_class_means", means.toString());
        figure.accept("nsfw_ms_per_picture", Figures.fmt(nanos / 1e6 / sorted.length));
    }
}
