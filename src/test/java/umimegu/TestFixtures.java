package umimegu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import umimegu.config.AppConfig;
import umimegu.config.ConfigLoader;
import umimegu.demo.SyntheticFaces;

/** Shared set-up: small synthetic data sets, a fast config, and the shared real data. */
public final class TestFixtures {
    public static final Path SHARED_DATA = Path.of("..", "shared", "data");

    private TestFixtures() {}

    /** Synthetic faces of the demo's two labels in {@code root/<label>/}. */
    public static Path syntheticImages(Path root, int perLabel, long seed) throws IOException {
        new SyntheticFaces(64).write(root, perLabel, seed);
        return root;
    }

    /** A config that trains quickly: 32×32 input, small batches, few epochs. */
    public static Properties fastConfig(Path work) {
        Properties p = ConfigLoader.defaults();
        p.setProperty("images.dir", work.resolve("images").toString());
        p.setProperty("images.test-dir", work.resolve("images-test").toString());
        p.setProperty("models.dir", work.resolve("models").toString());
        p.setProperty("history.jdbc-url", "jdbc:h2:" + work.resolve("history").toAbsolutePath());
        p.setProperty("input.width", "32");
        p.setProperty("input.height", "32");
        p.setProperty("train.batch-size", "16");
        p.setProperty("train.max-epochs", "3");
        p.setProperty("train.patience", "10");
        // no network in tests: the shared copy of the anime cascade when present, else one inside OpenCV's jar
        Path cascade = SHARED_DATA.resolve("cascades").resolve("lbpcascade_animeface.xml");
        p.setProperty(
                "faces.cascade",
                Files.isRegularFile(cascade) ? cascade.toAbsolutePath().toString() : "lbpcascade_frontalface_improved");
        p.setProperty("faces.cascade-url", "http://127.0.0.1:1/lbpcascade_animeface.xml");
        p.setProperty("faces.cache-dir", work.resolve("cascades").toString());
        p.setProperty("faces.download-timeout-seconds", "2");
        return p;
    }

    public static AppConfig load(Properties p) {
        return ConfigLoader.parse(p);
    }

    public static Path write(Properties p, Path file) throws IOException {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, null);
        }
        return file;
    }

    /**
     * The real data beside the project: skips visibly when it is absent, and fails instead when
     * {@code umimegu.requireSharedData=true} (as in CI).
     */
    public static Path sharedData(String sub) {
        Path path = SHARED_DATA.resolve(sub);
        if (!Files.isDirectory(path)) {
            if (Boolean.getBoolean("umimegu.requireSharedData")) {
                throw new AssertionError("shared data required but missing: " + path.toAbsolutePath());
            }
            Assumptions.abort("shared data not found at " + path.toAbsolutePath() + " - skipped");
        }
        return path;
    }

    /**
     * A separate JVM running {@code main} from the test classpath with {@code args}; {@code heap},
     * like {@code 768m}, limits its heap (null: the JVM's default).
     */
    public static ProcessBuilder childJvm(String heap, Class<?> main, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command);
    }
}
