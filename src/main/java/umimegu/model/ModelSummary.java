package umimegu.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * What {@code models} lists about a stored model, read from its small files without loading the
 * network: when it was made, its labels, how many pictures trained and validated it, its epochs,
 * best validation accuracy, test accuracy (NaN when it had no test set), and its kind
 * ({@link ModelKind}: compact, pretrained or ensemble).
 */
public record ModelSummary(
        String id,
        Instant created,
        List<String> labels,
        int pictures,
        int epochs,
        double validationAccuracy,
        double testAccuracy,
        String kind) {
    public ModelSummary {
        labels = List.copyOf(labels);
    }

    /** The newest {@code limit} models in the store, newest first; unreadable folders are left out. */
    public static List<ModelSummary> newest(ModelStore store, int limit) {
        List<ModelSummary> all = new ArrayList<>();
        for (String id : store.ids()) {
            try {
                all.add(read(store.root().resolve(id), id));
            } catch (IOException | RuntimeException e) {
                // a model without readable metadata cannot be described; 'models' lists the others
            }
        }
        all.sort(Comparator.comparing(ModelSummary::created)
                .thenComparing(ModelSummary::id)
                .reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    static ModelSummary read(Path dir, String id) throws IOException {
        Properties info = load(dir.resolve(ModelStore.INFO_FILE));
        Properties metrics = Files.isRegularFile(dir.resolve(ModelStore.METRICS_FILE))
                ? load(dir.resolve(ModelStore.METRICS_FILE))
                : new Properties();
        int count = Integer.parseInt(info.getProperty("labels.count"));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(info.getProperty("labels." + i));
        }
        int pictures = integer(metrics, "train_images") + integer(metrics, "validation_images");
        return new ModelSummary(
                id,
                Files.getLastModifiedTime(ModelStore.mainFile(dir)).toInstant(),
                labels,
                pictures,
                integer(metrics, "epochs"),
                decimal(metrics, "val_accuracy"),
                decimal(metrics, "test_accuracy"),
                info.getProperty("model.kind", ModelKind.COMPACT.configName()));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static int integer(Properties p, String key) {
        try {
            return Integer.parseInt(p.getProperty(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double decimal(Properties p, String key) {
        try {
            return Double.parseDouble(p.getProperty(key, "NaN").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
