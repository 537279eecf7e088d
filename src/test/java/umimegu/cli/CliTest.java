package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;

class CliTest {
    @TempDir
    static Path work;

    static Path config;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        TestFixtures.syntheticImages(work.resolve("images"), 20, 11);
        TestFixtures.syntheticImages(work.resolve("images-test"), 6, 12);
        config = TestFixtures.write(TestFixtures.fastConfig(work), work.resolve("test.properties"));
        Result train = run("--config", config.toString(), "train", "--epochs", "2");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Epoch 2/2 - loss:"), train.out());
        assertTrue(train.out().contains("Best epoch:"), train.out());
    }

    @Test
    void testPrintsTheSeedsLineThenConfusionMatrixAndPerClassScores() {
        Result test = run("--config", config.toString(), "test");

        assertEquals(0, test.code(), test.err());
        Matcher m = Pattern.compile("Test loss: ([0-9.]+), Test acc: ([0-9.]+)").matcher(test.out());
        assertTrue(m.find(), test.out());
        double acc = Double.parseDouble(m.group(2));
        assertTrue(acc >= 0 && acc <= 1);
        assertTrue(test.out().contains("Confusion matrix"), test.out());
        assertTrue(test.out().matches("(?s).*megumi\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}.*"), test.out());
    }

    @Test
    void classifyAnswersEveryReadableFileAndNamesTheBadOne() throws Exception {
        Path bad = Files.writeString(work.resolve("notes.jpg"), "hello");
        Path good = Files.list(work.resolve("images-test/umi")).findFirst().orElseThrow();

        Result single = run("--config", config.toString(), "classify", good.toString());
        assertEquals(0, single.code(), single.err());
        assertTrue(
                single.out()
                        .trim()
                        .matches(
                                "(This is|Not sure — closest is) (Megumi|Umi): \\d{1,3}\\.\\d% \\(no face found, so the whole picture was classified\\)"),
                single.out());

        Result mixed = run("--config", config.toString(), "classify", bad.toString(), good.toString());
        assertEquals(ExitCodes.PARTIAL_FAILURE, mixed.code());
        assertTrue(mixed.err().contains("notes.jpg"), mixed.err());
        assertEquals(1, mixed.err().lines().count(), mixed.err());
        assertTrue(mixed.out().contains(good + ": This is ") || mixed.out().contains(good + ": Not sure"), mixed.out());
    }

    @Test
    void japaneseConfigAnswersInTheSeedsStyle() throws Exception {
        Properties p = TestFixtures.fastConfig(work);
        Properties shipped = new Properties(); // the project's own config/ja.properties
        try (var reader = Files.newBufferedReader(Path.of("config", "ja.properties"))) {
            shipped.load(reader);
        }
        shipped.stringPropertyNames().forEach(k -> p.setProperty(k, shipped.getProperty(k)));
        Path ja = TestFixtures.write(p, work.resolve("ja.properties"));
        Path good = Files.list(work.resolve("images-test/umi")).findFirst().orElseThrow();

        Result r = run("--config", ja.toString(), "classify", good.toString());
        assertTrue(
                r.out()
                        .trim()
                        .matches(
                                "(これは|自信はありませんが、いちばん近いのは)(恵美|海美)です。確率: \\d{1,3}\\.\\d{3}% \\(顔が見つからないので画像全体で判定しました\\)"),
                r.out());
    }

    @Test
    void classifiedPicturesShowUpInStats() throws Exception {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty(
                "history.jdbc-url", "jdbc:h2:" + work.resolve("stats-history").toAbsolutePath());
        Path own = TestFixtures.write(p, work.resolve("stats.properties"));
        List<Path> pictures;
        try (var files = Files.list(work.resolve("images-test/megumi"))) {
            pictures = files.limit(3).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("--config", own.toString(), "classify"));
        pictures.forEach(f -> args.add(f.toString()));
        assertEquals(0, run(args.toArray(String[]::new)).code());

        Result stats = run("--config", own.toString(), "stats", "--since", "1d");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("Predictions: 3, not sure: "), stats.out());
        assertEquals(3, stats.out().lines().filter(l -> l.contains(" cli ")).count(), stats.out());

        Path chart = work.resolve("per-day.png");
        Result charted = run("--config", own.toString(), "stats", "--chart", chart.toString());
        assertEquals(0, charted.code(), charted.err());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(chart.toFile());
        assertEquals(800, png.getWidth());

        Result none = run("--config", own.toString(), "stats", "--to", "2000-01-01");
        assertTrue(none.out().contains("Predictions: 0"), none.out());
        assertEquals(
                ExitCodes.USAGE,
                run("--config", own.toString(), "stats", "--since", "soon").code());
    }

    @Test
    void badDataFoldersStopWithExitCode2AndAClearMessage() throws Exception {
        Result missing = run(
                "--config",
                config.toString(),
                "train",
                "--images",
                work.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("image folder not found"), missing.err());

        Path one = work.resolve("one-label");
        Files.createDirectories(one.resolve("megumi"));
        Files.writeString(one.resolve("megumi/a.png"), "x");
        Result single = run("--config", config.toString(), "train", "--images", one.toString());
        assertEquals(ExitCodes.USAGE, single.code());
        assertTrue(single.err().contains("at least 2 label folders"), single.err());

        Files.createDirectories(one.resolve("umi"));
        Result empty = run("--config", config.toString(), "train", "--images", one.toString());
        assertEquals(ExitCodes.USAGE, empty.code());
        assertTrue(empty.err().contains("is empty"), empty.err());
    }

    @Test
    void unknownCommandAndMissingConfigAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("fly").code());
        Result noConfig = run("--config", work.resolve("absent.properties").toString(), "test");
        assertEquals(ExitCodes.USAGE, noConfig.code());
        assertTrue(noConfig.err().contains("config file not found"), noConfig.err());
    }

    @Test
    void aModelFolderThatDoesNotMatchItsNetworkIsAClearUsageError() throws Exception {
        Path models = work.resolve("models");
        String current = Files.readString(models.resolve("current")).trim();
        Path copy = models.resolve("mismatch");
        Files.createDirectories(copy);
        try (var files = Files.list(models.resolve(current))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path info = copy.resolve("model.properties");
        String original = Files.readString(info);
        Path picture = Files.list(work.resolve("images-test/umi")).findFirst().orElseThrow();

        Files.writeString(info, original.replace("input.width=32", "input.width=50"));
        Result wrongSize = run("--config", config.toString(), "classify", "--model", "mismatch", picture.toString());
        assertEquals(ExitCodes.USAGE, wrongSize.code(), wrongSize.err());
        assertTrue(wrongSize.err().contains("does not match its model.properties"), wrongSize.err());
        assertEquals(1, wrongSize.err().lines().count(), "no stack trace: " + wrongSize.err());

        Files.writeString(info, original.replace("labels.count=2", "labels.count=3") + "labels.2=yuriko\n");
        Result wrongLabels = run("--config", config.toString(), "classify", "--model", "mismatch", picture.toString());
        assertEquals(ExitCodes.USAGE, wrongLabels.code(), wrongLabels.err());
        assertTrue(wrongLabels.err().contains("answers 2 labels, the file lists 3"), wrongLabels.err());
    }

    @Test
    void modelIdsCannotReachOutsideTheStore() throws Exception {
        Path picture = Files.list(work.resolve("images-test/umi")).findFirst().orElseThrow();
        Result escape =
                run("--config", config.toString(), "classify", "--model", "../../elsewhere/model", picture.toString());
        assertEquals(ExitCodes.USAGE, escape.code());
        assertTrue(escape.err().contains("is not a model id"), escape.err());

        Path models = work.resolve("models-escape");
        Files.createDirectories(models);
        Files.writeString(models.resolve("current"), "../models/" + Files.readString(work.resolve("models/current")));
        Result pointer =
                run("--config", config.toString(), "classify", "--models", models.toString(), picture.toString());
        assertEquals(ExitCodes.USAGE, pointer.code());
        assertTrue(pointer.err().contains("does not name a model folder"), pointer.err());
    }
}
