package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;

/** classify and crop on real pictures from ../shared/data, with a small model trained on synthetic faces. */
class FacesCliTest {
    @TempDir
    static Path work;

    static Path config;

    @BeforeAll
    static void trainOnce() throws Exception {
        TestFixtures.syntheticImages(work.resolve("images"), 20, 11);
        config = TestFixtures.write(TestFixtures.fastConfig(work), work.resolve("test.properties"));
        CliTest.Result train = CliTest.run("--config", config.toString(), "train", "--epochs", "2");
        assertEquals(0, train.code(), train.err());
    }

    private static Path config() {
        return config;
    }

    @Test
    void aGroupPictureGetsOneLinePerFaceAndAnAnnotatedCopy() throws Exception {
        Path scene = TestFixtures.sharedData("anime_scenes").resolve("detect_01.jpg");
        Path annotated = work.resolve("annotated");
        CliTest.Result r = CliTest.run(
                "--config", config().toString(), "classify", "--annotated", annotated.toString(), scene.toString());
        assertEquals(0, r.code(), r.err());
        List<String> faces = r.out().lines().filter(l -> l.startsWith("Face ")).toList();
        assertEquals(6, faces.size(), r.out());
        for (int i = 0; i < faces.size(); i++) {
            assertTrue(
                    faces.get(i)
                            .matches("Face " + (i + 1) + ": (This is|Not sure — closest is) (Megumi|Umi): \\d+\\.\\d%"),
                    faces.get(i));
        }
        assertTrue(Files.size(annotated.resolve("detect_01-annotated.png")) > 10_000);
    }

    @Test
    void annotatedPicturesWithTheSameOrVeryLongNamesNeitherOverwriteNorCrash() throws Exception {
        Path scene =
                TestFixtures.sharedData("anime_scenes").resolve("detect_01.jpg").toAbsolutePath();
        Path links = work.resolve("same-names");
        List<Path> pictures = List.of(
                links.resolve("a/group.jpg"),
                links.resolve("b/group.jpg"),
                links.resolve("b/" + "g".repeat(245) + ".jpg"));
        for (Path p : pictures) {
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, scene); // links, not copies
        }
        Path annotated = work.resolve("annotated-many");
        List<String> args = new ArrayList<>(
                List.of("--config", config().toString(), "classify", "--annotated", annotated.toString()));
        pictures.forEach(p -> args.add(p.toString()));
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(
                3,
                r.out()
                        .lines()
                        .filter(l -> l.startsWith("annotated: "))
                        .distinct()
                        .count(),
                r.out());
        try (Stream<Path> written = Files.list(annotated)) {
            assertEquals(3, written.count());
        }
    }

    @Test
    void everyOddFileIsAnsweredOrRefusedWithoutAStackTrace() throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", config().toString(), "classify"));
        try (Stream<Path> files = Files.walk(TestFixtures.sharedData("odd"))) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> args.add(f.toString()));
        }
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.PARTIAL_FAILURE, r.code());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        long answered = r.out()
                .lines()
                .filter(l -> l.contains("This is") || l.contains("Not sure"))
                .count();
        long refused = r.err().lines().filter(l -> l.startsWith("error: ")).count();
        assertEquals(args.size() - 3, answered + refused, r.out() + r.err());
        assertEquals(6, refused, r.err());
    }

    @Test
    void cropWritesEachFaceOnceAndNothingTheSecondTime() throws Exception {
        Path raw = work.resolve("raw");
        Files.createDirectories(raw.resolve("scenes"));
        Files.createDirectories(raw.resolve("idols"));
        Path shared = TestFixtures.sharedData("anime_scenes");
        // links, not copies: the artwork stays in ../shared/data
        Files.createSymbolicLink(
                raw.resolve("scenes/detect_01.jpg"),
                shared.resolve("detect_01.jpg").toAbsolutePath());
        Files.createSymbolicLink(
                raw.resolve("scenes/test10.jpg"), shared.resolve("test10.jpg").toAbsolutePath());
        Files.createSymbolicLink(
                raw.resolve("idols/megumi.png"),
                TestFixtures.sharedData("millionlive")
                        .resolve("tokoro_megumi.png")
                        .toAbsolutePath());
        Files.writeString(raw.resolve("idols/notes.txt"), "not a picture");
        Path out = work.resolve("cropped");

        CliTest.Result first =
                CliTest.run("--config", config().toString(), "crop", "--from", raw.toString(), "--to", out.toString());
        assertTrue(
                first.out().contains("files: 4, faces written: 7, no face: 1, unreadable: 1, already cropped: 0"),
                first.out() + first.err());
        assertTrue(Files.exists(out.resolve("idols/megumi-png-face1.png")));
        assertTrue(Files.exists(out.resolve("scenes/detect_01-jpg-face6.png")));
        long modified = Files.getLastModifiedTime(out.resolve("idols/megumi-png-face1.png"))
                .toMillis();

        CliTest.Result second =
                CliTest.run("--config", config().toString(), "crop", "--from", raw.toString(), "--to", out.toString());
        assertTrue(
                second.out().contains("faces written: 0, no face: 1, unreadable: 1, already cropped: 2"), second.out());
        assertEquals(
                modified,
                Files.getLastModifiedTime(out.resolve("idols/megumi-png-face1.png"))
                        .toMillis());
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(7, files.filter(Files::isRegularFile).count());
        }
    }
}
