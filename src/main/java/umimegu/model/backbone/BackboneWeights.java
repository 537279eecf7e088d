package umimegu.model.backbone;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import umimegu.common.Sha256;

/**
 * A pretrained network's weights as {@code tools/mobilenet-weights/decode.cjs} wrote them into the
 * resources: {@code manifest.json} (each weight's TF shape, byte offset and uint8 quantisation,
 * and the graph's nodes) and {@code weights.bin}, checked against the manifest's SHA-256.
 */
public final class BackboneWeights {
    /** One weight as the manifest lists it. */
    record Weight(String name, long[] shape, long offset, double min, double scale) {}

    /** One node of the graph as the manifest lists it. */
    public record Node(String name, String op, List<String> inputs, List<Integer> strides, List<String> fused) {}

    private final String id;
    private final String sha256;
    private final byte[] bytes;
    private final Map<String, Weight> weights = new LinkedHashMap<>();
    private final List<Node> nodes;

    private BackboneWeights(String id, String sha256, byte[] bytes, List<Weight> weights, List<Node> nodes) {
        this.id = id;
        this.sha256 = sha256;
        this.bytes = bytes;
        weights.forEach(w -> this.weights.put(w.name(), w));
        this.nodes = List.copyOf(nodes);
    }

    /** The weights under the classpath folder {@code resource} (e.g. {@code /backbones/mobilenet_v2_140}). */
    public static BackboneWeights load(String resource) {
        JsonObject manifest;
        byte[] bytes;
        try (InputStream m = BackboneWeights.class.getResourceAsStream(resource + "/manifest.json");
                InputStream w = BackboneWeights.class.getResourceAsStream(resource + "/weights.bin")) {
            if (m == null || w == null) {
                throw new IllegalStateException("the pretrained weights " + resource + " are missing from the jar");
            }
            manifest = new Gson().fromJson(new InputStreamReader(m, StandardCharsets.UTF_8), JsonObject.class);
            bytes = w.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pretrained weights " + resource + ": " + e.getMessage(), e);
        }
        String expected = manifest.get("weightsSha256").getAsString();
        String actual = Sha256.hex(bytes);
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the pretrained weights " + resource + " are damaged (SHA-256 " + actual
                    + ", the manifest says " + expected + ")");
        }
        Gson gson = new Gson();
        List<Weight> weights = new java.util.ArrayList<>();
        for (var e : manifest.getAsJsonArray("weights")) {
            JsonObject o = e.getAsJsonObject();
            weights.add(new Weight(
                    o.get("name").getAsString(),
                    gson.fromJson(o.get("shape"), long[].class),
                    o.get("offset").getAsLong(),
                    o.get("min").getAsDouble(),
                    o.get("scale").getAsDouble()));
        }
        List<Node> nodes = new java.util.ArrayList<>();
        for (var e : manifest.getAsJsonArray("nodes")) {
            nodes.add(gson.fromJson(e, Node.class));
        }
        String id = resource.substring(resource.lastIndexOf('/') + 1);
        return new BackboneWeights(id, actual, bytes, weights, nodes);
    }

    /** The backbone's name (its resource folder's), for a model's properties. */
    public String id() {
        return id;
    }

    /** The SHA-256 of the weights, for a model's properties. */
    public String sha256() {
        return sha256;
    }

    /** The graph's nodes, in an order where every node comes after its inputs. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The TF shape of weight {@code name}. */
    long[] shape(String name) {
        return weight(name).shape().clone();
    }

    /** Weight {@code name} in its TF shape and layout, dequantised ({@code q · scale + min}). */
    INDArray tf(String name) {
        Weight w = weight(name);
        long count = 1;
        for (long d : w.shape()) {
            count *= d;
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((bytes[(int) (w.offset() + i)] & 0xFF) * w.scale() + w.min());
        }
        return Nd4j.create(values, w.shape().length == 0 ? new long[] {1} : w.shape(), 'c')
                .castTo(DataType.FLOAT);
    }

    /** A scalar weight (the input scaling's factors). */
    double scalar(String name) {
        Weight w = weight(name);
        return (bytes[(int) w.offset()] & 0xFF) * w.scale() + w.min();
    }

    private Weight weight(String name) {
        Weight w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no weight " + name + " in the backbone " + id);
        }
        return w;
    }
}
