package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;

/** The console chat end to end: train, test, classify a picture and show stats in one sitting. */
class ConsoleCliTest {
    @TempDir
    Path work;

    @Test
    void trainTestClassifyAndStatsInOneSitting() throws Exception {
        TestFixtures.syntheticImages(work.resolve("images"), 16, 31);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 32);
        var p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "2");
        Path config = TestFixtures.write(p, work.resolve("console.properties"));
        Path picture;
        try (Stream<Path> files = Files.list(work.resolve("images-test/umi"))) {
            picture = files.findFirst().orElseThrow();
        }
        Path out = work.resolve("posted");
        String typed = String.join("\n", "!train", "quit") + "\n";
        CliTest.Result trained = console(config, out, typed);
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("bot> Training done: 2 epochs run"), trained.out());

        typed = String.join("\n", "!test", picture.toString(), "no/such/picture.png", "!stats", "!nonsense") + "\n";
        CliTest.Result session = console(config, out, typed);
        String o = session.out();
        assertTrue(o.contains("bot> Test loss: "), o);
        assertTrue(o.matches("(?s).*bot> (This is|Not sure — closest is) (Megumi|Umi): \\d+\\.\\d%.*"), o);
        assertTrue(o.contains("bot> No such file: no/such/picture.png"), o);
        assertTrue(o.contains("bot> Predictions: 1, not sure:"), o);
        assertTrue(o.contains("bot> I don't know `!nonsense`. Try `!help`."), o);
        List<Path> posted;
        try (Stream<Path> files = Files.list(out)) {
            posted = files.sorted().toList();
        }
        assertTrue(posted.stream().anyMatch(f -> f.toString().endsWith("accuracy.png")), posted.toString());
        assertTrue(posted.stream().anyMatch(f -> f.toString().endsWith("confusion-matrix.png")), posted.toString());
        assertTrue(o.contains("bot> (picture) " + out), o);
    }

    private static CliTest.Result console(Path config, Path out, String typed) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
            return CliTest.run("--config", config.toString(), "console", "--admin", "--out", out.toString());
        } finally {
            System.setIn(stdin);
        }
    }
}
