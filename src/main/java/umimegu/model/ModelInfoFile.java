package umimegu.model;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A model's {@code model.properties}: its labels in the network's output order, the input size and
 * scaling, the calibration temperature, the model's kind and the backbone it stands on. Prediction reads these from here, never from the
 * current config, so training and prediction cannot drift apart.
 */
public final class ModelInfoFile {
    public static final String NAME = "model.properties";

    private ModelInfoFile() {}

    public static ModelInfo read(Path file) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        int count = Integer.parseInt(p.getProperty("labels.count"));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(p.getProperty("labels." + i));
        }
        InputSpec input = new InputSpec(
                Integer.parseInt(p.getProperty("input.width")),
                Integer.parseInt(p.getProperty("input.height")),
                InputSpec.Scaling.valueOf(p.getProperty("input.scaling")));
        ModelKind kind = ModelKind.parse(p.getProperty("model.kind", "compact"));
        BackboneSpec backbone = kind.hasHead()
                ? new BackboneSpec(
                        p.getProperty("backbone.id"),
                        Integer.parseInt(p.getProperty("backbone.size")),
                        p.getProperty("backbone.sha256"))
                : null;
        return new ModelInfo(
                labels,
                input,
                Double.parseDouble(p.getProperty("calibration.temperature", "1")),
                kind,
                backbone,
                Double.parseDouble(p.getProperty("unknown.below", "NaN")));
    }

    public static void write(Path file, ModelInfo info) throws IOException {
        Properties p = new Properties();
        p.setProperty("labels.count", String.valueOf(info.labels().size()));
        for (int i = 0; i < info.labels().size(); i++) {
            p.setProperty("labels." + i, info.labels().get(i));
        }
        p.setProperty("input.width", String.valueOf(info.input().width()));
        p.setProperty("input.height", String.valueOf(info.input().height()));
        p.setProperty("input.channels", String.valueOf(InputSpec.CHANNELS));
        p.setProperty("input.scaling", info.input().scaling().name());
        p.setProperty("calibration.temperature", String.valueOf(info.temperature()));
        p.setProperty("model.kind", info.kind().configName());
        if (!Double.isNaN(info.unknownBelow())) {
            p.setProperty("unknown.below", String.valueOf(info.unknownBelow()));
        }
        if (info.backbone() != null) {
            p.setProperty("backbone.id", info.backbone().id());
            p.setProperty("backbone.size", String.valueOf(info.backbone().size()));
            p.setProperty("backbone.sha256", info.backbone().sha256());
        }
        store(file, p, "labels in network output order and the preprocessing the network expects");
    }

    /** Writes a properties file of the model folder in UTF-8. */
    static void store(Path file, Properties p, String comment) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, comment);
        }
    }
}
