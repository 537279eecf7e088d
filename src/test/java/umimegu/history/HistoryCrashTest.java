package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.history.jdbc.JdbcHistoryStore;

class HistoryCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyRecordReportedCommittedSurvivesKillMinus9() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("crash").toAbsolutePath();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HistoryWriterChild.class.getName(),
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastReported = -1;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                lastReported = Integer.parseInt(line.trim());
                if (lastReported >= 300) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(lastReported >= 300, "child wrote only " + lastReported);

        try (HistoryStore reopened = JdbcHistoryStore.open(new HistorySettings(url, "sa", ""))) {
            long rows = reopened.stats(StatsQuery.all()).total();
            assertTrue(rows >= lastReported + 1, "reported " + (lastReported + 1) + " committed, found " + rows);
        }
    }
}
