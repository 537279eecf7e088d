package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;

/**
 * {@code serve} as a service manager starts it: the launcher re-launches itself with the memory
 * settings; killing the launcher with SIGKILL must end the child too, not leave it serving.
 */
class LauncherKilledTest {
    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void theChildEndsWhenItsLauncherIsKilled() throws Exception {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("faces.cascade", "lbpcascade_frontalface_improved"); // no download, no shared data needed
        Path config = work.resolve("umimegu.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        ProcessBuilder builder = TestFixtures.childJvm(
                        "256m", Main.class, "--config", config.toString(), "serve", "--port", "0")
                .redirectErrorStream(true)
                .directory(work.toFile());
        for (String name : List.of(
                "MALLOC_ARENA_MAX",
                "MALLOC_MMAP_MAX_",
                "MALLOC_TRIM_THRESHOLD_",
                "MALLOC_TOP_PAD_",
                "UMIMEGU_NO_RELAUNCH",
                NativeMemoryTuning.LAUNCHER_PID)) {
            builder.environment().remove(name); // as a shell starts it: the launcher re-launches
        }
        Process launcher = builder.start();
        ProcessHandle child = null;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("Web page on ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            assertTrue(served.get(90, TimeUnit.SECONDS) != null, "the page started");
            Optional<ProcessHandle> relaunched = launcher.toHandle().children().findFirst();
            assertTrue(relaunched.isPresent(), "the launcher re-launched itself");
            child = relaunched.get();

            launcher.destroyForcibly().waitFor(); // SIGKILL: the launcher's shutdown hook never runs
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(child.isAlive(), "the re-launched child still runs 15 s after its launcher was killed");
        } finally {
            launcher.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }
}
