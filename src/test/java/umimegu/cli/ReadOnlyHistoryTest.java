package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.history.HistorySettings;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.jdbc.JdbcHistoryStore;

/**
 * {@code stats} reads a history on a read-only mount (a backup, a snapshot). As root, file
 * permissions do not stop writes, so the folder is mounted read-only for real, in a mount
 * namespace of the test's own ({@code unshare -m}); where that is not permitted the test is skipped.
 */
class ReadOnlyHistoryTest {
    @TempDir
    Path dir;

    private static boolean mountNamespaces() {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "true")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void statsReadsAHistoryOnAReadOnlyMount() throws Exception {
        Assumptions.assumeTrue(mountNamespaces(), "unshare -m is not permitted here - skipped");
        Path data = dir.resolve("data");
        HistorySettings settings =
                new HistorySettings("jdbc:h2:" + data.resolve("history").toAbsolutePath(), "sa", "");
        try (HistoryStore store = JdbcHistoryStore.open(settings)) {
            for (int i = 0; i < 3; i++) {
                store.save(List.of(new PredictionRecord(
                        Instant.now(),
                        "cli",
                        null,
                        "c",
                        "u",
                        "a".repeat(64),
                        0,
                        null,
                        "umi",
                        0.9,
                        List.of(0.1, 0.9),
                        false,
                        "m1",
                        5,
                        null,
                        null)));
            }
        }
        Properties p = TestFixtures.fastConfig(dir);
        p.setProperty("history.jdbc-url", settings.jdbcUrl());
        Path config = TestFixtures.write(p, dir.resolve("umimegu.properties"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String mount = "mount --bind -o ro '" + data + "' '" + data + "' || { echo MOUNT-FAILED; exit 3; }; "
                + "touch '" + data + "/probe' 2>/dev/null && echo WRITABLE; "
                + "exec '" + java + "' -cp \"$CP\" umimegu.cli.Main stats --config '" + config + "'";
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "bash", "-c", mount).redirectErrorStream(true);
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(
                !out.contains("WRITABLE") && !out.contains("MOUNT-FAILED"),
                "the mount must really be read-only: " + out);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("Predictions: 3"), out);
    }
}
