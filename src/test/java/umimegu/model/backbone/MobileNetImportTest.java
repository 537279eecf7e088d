package umimegu.model.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import umimegu.model.engine.OneDnn;

/**
 * The imported MobileNetV2-1.4 gives what TF.js gives on the same pictures: the reference values
 * were computed once by {@code tools/mobilenet-weights/reference.cjs} from the npm package itself.
 */
class MobileNetImportTest {
    private static final double TOLERANCE = 1e-4;
    private static JsonObject reference;
    private static INDArray[] outputs;
    private static INDArray input;

    /** The reference script's pictures: picture p, row y, column x, channel c. */
    static double pixel(int p, int y, int x, int c) {
        return 0.5 + 0.5 * Math.sin(0.031 * (x + 1) * (c + 1) + 0.047 * (y + 1) * (p + 1) + 0.3 * c + p);
    }

    @BeforeAll
    static void run() throws Exception {
        try (var in = MobileNetImportTest.class.getResourceAsStream("/backbones/mobilenet_v2_140-reference.json")) {
            reference = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
        }
        int size = reference.get("size").getAsInt();
        int pictures = reference.get("pictures").getAsInt();
        float[] data = new float[pictures * 3 * size * size];
        int i = 0;
        for (int p = 0; p < pictures; p++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        data[i++] = (float) pixel(p, y, x, c);
                    }
                }
            }
        }
        OneDnn.enable();
        ComputationGraph graph = MobileNetV2.features(
                BackboneWeights.load(MobileNetV2.RESOURCE), size, List.of("MobilenetV2/expanded_conv_13/expand/Relu6"));
        input = Nd4j.create(data, new long[] {pictures, 3, size, size}, 'c').castTo(DataType.FLOAT);
        outputs = graph.output(input);
    }

    @Test
    void pooledFeaturesAreTheReferences() {
        INDArray features = outputs[0];
        JsonArray pooled = reference.getAsJsonArray("pooled");
        assertEquals(288 + 528 + 816, features.size(1));
        double worst = 0;
        for (int p = 0; p < features.size(0); p++) {
            int column = 0;
            for (JsonElement cut : pooled) {
                JsonArray values =
                        cut.getAsJsonObject().getAsJsonArray("values").get(p).getAsJsonArray();
                for (JsonElement v : values) {
                    worst = Math.max(worst, Math.abs(features.getDouble(p, column++) - v.getAsDouble()));
                }
            }
        }
        assertTrue(worst < TOLERANCE, "largest difference from TF.js: " + worst);
    }

    @Test
    void theWholeGraphGivesNsfwjsOwnProbabilities() {
        assertEquals(224, reference.get("size").getAsInt());
        BackboneWeights weights = BackboneWeights.load(MobileNetV2.RESOURCE);
        INDArray probabilities = MobileNetV2.nsfw(weights).output(input)[0];
        // the logits from a graph of their own: DL4J's softmax layer works in place on its input
        INDArray logits = MobileNetV2.build(
                        weights, 224, false, List.of("StatefulPartitionedCall/sequential/dense/BiasAdd"))
                .output(input)[0];
        double worst = Math.max(largestDifference(probabilities, "nsfw"), largestDifference(logits, "nsfwLogits"));
        assertTrue(worst < TOLERANCE, "largest difference from TF.js: " + worst);
    }

    private static double largestDifference(INDArray ours, String key) {
        JsonArray expected = reference.getAsJsonArray(key);
        double worst = 0;
        for (int p = 0; p < expected.size(); p++) {
            JsonArray row = expected.get(p).getAsJsonArray();
            assertEquals(MobileNetV2.NSFW_CLASSES.size(), row.size());
            for (int c = 0; c < row.size(); c++) {
                worst = Math.max(
                        worst, Math.abs(ours.getDouble(p, c) - row.get(c).getAsDouble()));
            }
        }
        return worst;
    }

    @Test
    void activationMapsAreLaidOutAsTfs() {
        INDArray map = outputs[1]; // [picture, channel, y, x]
        double worst = 0;
        for (JsonElement e : reference.getAsJsonArray("probe")) {
            JsonObject probe = e.getAsJsonObject();
            double ours = map.getDouble(
                    probe.get("picture").getAsInt(),
                    probe.get("channel").getAsInt(),
                    probe.get("y").getAsInt(),
                    probe.get("x").getAsInt());
            worst = Math.max(worst, Math.abs(ours - probe.get("value").getAsDouble()));
        }
        assertTrue(worst < TOLERANCE, "largest difference from TF.js: " + worst);
    }
}
