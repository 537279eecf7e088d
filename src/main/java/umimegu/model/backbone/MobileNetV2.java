package umimegu.model.backbone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.graph.ShiftVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MobileNetV2 (width 1.4) rebuilt as a DL4J {@link ComputationGraph} from the nodes and weights
 * that {@link BackboneWeights} read, holding only the blocks the asked-for outputs need. Input:
 * NCHW RGB pictures in [0, 1] of any size (the graph maps them to [-1, 1] itself, as TF-Hub's
 * does). Convolutions keep TF's SAME padding; batch normalization is already folded into the
 * weights; the activations are ReLU6.
 */
public final class MobileNetV2 {
    /** The resource folder of the weights. */
    public static final String RESOURCE = "/backbones/mobilenet_v2_140";

    /** The expand activations whose global average pools make the features: they carry identity best (docs/pretrained.md). */
    public static final List<String> FEATURE_CUTS = List.of(
            "MobilenetV2/expanded_conv_6/expand/Relu6",
            "MobilenetV2/expanded_conv_10/expand/Relu6",
            "MobilenetV2/expanded_conv_13/expand/Relu6");

    /** The output of {@link #features}: the pooled cuts side by side. */
    public static final String FEATURES = "features";

    private MobileNetV2() {}

    /**
     * A graph whose output {@value #FEATURES} is, per picture, the global average pools of
     * {@link #FEATURE_CUTS} side by side (288 + 528 + 816 values), followed by the raw activation
     * maps named in {@code rawOutputs}, if any.
     */
    public static ComputationGraph features(BackboneWeights weights, int size, List<String> rawOutputs) {
        return build(weights, size, true, rawOutputs);
    }

    /** The node whose output is nsfwjs's five probabilities, in the order of {@link #NSFW_CLASSES}. */
    public static final String NSFW = "Identity";

    public static final List<String> NSFW_CLASSES = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");

    /** The whole graph with nsfwjs's own classifier on top, for 224×224 pictures: the five probabilities. */
    public static ComputationGraph nsfw(BackboneWeights weights) {
        return build(weights, 224, false, List.of(NSFW));
    }

    static ComputationGraph build(BackboneWeights weights, int size, boolean withFeatures, List<String> rawOutputs) {
        List<BackboneWeights.Node> nodes =
                needed(weights.nodes(), withFeatures ? union(FEATURE_CUTS, rawOutputs) : rawOutputs, "input");
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(size, size, 3));
        Map<String, String> vertex = new HashMap<>(); // TF node -> DL4J vertex
        vertex.put("input", "input");
        Imported imported = add(graph, weights, nodes, vertex);
        List<String> outputs = new ArrayList<>();
        if (withFeatures) {
            List<String> pools = new ArrayList<>();
            for (String cut : FEATURE_CUTS) {
                String pool = vertex.get(cut) + "_pool";
                graph.addLayer(pool, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), vertex.get(cut));
                pools.add(pool);
            }
            graph.addVertex(FEATURES, new MergeVertex(), pools.toArray(String[]::new));
            outputs.add(FEATURES);
        }
        rawOutputs.forEach(r -> outputs.add(vertex.get(r)));
        ComputationGraph network = new ComputationGraph(
                graph.setOutputs(outputs.toArray(String[]::new)).build());
        network.init();
        imported.load(network);
        return network;
    }

    /** Imported layers whose pretrained weights go in once the graph is initialised. */
    public record Imported(
            BackboneWeights weights,
            Map<String, BackboneWeights.Node> convolutions,
            Map<String, BackboneWeights.Node> dense) {
        /** Puts the pretrained weights into the initialised {@code network}'s imported layers. */
        public void load(ComputationGraph network) {
            convolutions.forEach((name, n) -> MobileNetV2.load(network, name, n, weights));
            dense.forEach((name, n) -> {
                Map<String, INDArray> params = network.getLayer(name).paramTable();
                params.get("W").assign(weights.tf(n.inputs().get(1)));
                params.get("b")
                        .assign(weights.tf(n.inputs().get(2))
                                .reshape(params.get("b").shape()));
            });
        }
    }

    /**
     * Adds to {@code graph} the blocks from the output of node {@code from} (read from the graph's
     * vertex {@code fromVertex}) up to node {@code to}, with the layers' pretrained weights to be
     * loaded after the graph is initialised; returns the loader and the vertex of {@code to}. For
     * training the top blocks on activations kept at {@code from} (docs/pretrained.md).
     */
    public static Top top(
            ComputationGraphConfiguration.GraphBuilder graph,
            BackboneWeights weights,
            String from,
            String fromVertex,
            String to) {
        Map<String, String> vertex = new HashMap<>();
        vertex.put(from, fromVertex);
        Imported imported = add(graph, weights, needed(weights.nodes(), List.of(to), from), vertex);
        return new Top(imported, vertex.get(to));
    }

    /** What {@link #top} added: the weights to load and the vertex of its last node. */
    public record Top(Imported imported, String output) {}

    private static Imported add(
            ComputationGraphConfiguration.GraphBuilder graph,
            BackboneWeights weights,
            List<BackboneWeights.Node> nodes,
            Map<String, String> vertex) {
        Map<String, BackboneWeights.Node> convolutions = new HashMap<>();
        Map<String, BackboneWeights.Node> dense = new HashMap<>();
        for (BackboneWeights.Node n : nodes) {
            String name = n.name().replace('/', '_');
            switch (n.op()) {
                case "Placeholder" -> {
                    continue;
                }
                case "Squeeze", "Identity" -> { // the pooled map is already a row per picture
                    vertex.put(n.name(), source(vertex, n, 0));
                    continue;
                }
                case "Mul" ->
                    graph.addVertex(
                            name, new ScaleVertex(weights.scalar(n.inputs().get(0))), source(vertex, n, 1));
                case "Sub" ->
                    graph.addVertex(
                            name, new ShiftVertex(-weights.scalar(n.inputs().get(1))), source(vertex, n, 0));
                case "_FusedConv2D" -> {
                    long[] k = weights.shape(n.inputs().get(1)); // kh, kw, in, out
                    graph.addLayer(
                            name,
                            new ConvolutionLayer.Builder((int) k[0], (int) k[1])
                                    .nIn(k[2])
                                    .nOut(k[3])
                                    .stride(n.strides().get(1), n.strides().get(2))
                                    .convolutionMode(ConvolutionMode.Same)
                                    .hasBias(true)
                                    .activation(activation(n))
                                    .build(),
                            source(vertex, n, 0));
                    convolutions.put(name, n);
                }
                case "FusedDepthwiseConv2dNative" -> {
                    long[] k = weights.shape(n.inputs().get(1)); // kh, kw, in, multiplier
                    graph.addLayer(
                            name,
                            new DepthwiseConvolution2D.Builder((int) k[0], (int) k[1])
                                    .nIn(k[2])
                                    .nOut(k[2] * k[3])
                                    .depthMultiplier((int) k[3])
                                    .stride(n.strides().get(1), n.strides().get(2))
                                    .convolutionMode(ConvolutionMode.Same)
                                    .hasBias(true)
                                    .activation(activation(n))
                                    .build(),
                            source(vertex, n, 0));
                    convolutions.put(name, n);
                }
                case "AddV2" ->
                    graph.addVertex(
                            name,
                            new ElementWiseVertex(ElementWiseVertex.Op.Add),
                            source(vertex, n, 0),
                            source(vertex, n, 1));
                // a 7×7 average over the 7×7 map of a 224-px picture: the global average
                case "AvgPool" ->
                    graph.addLayer(name, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), source(vertex, n, 0));
                case "_FusedMatMul" -> {
                    long[] w = weights.shape(n.inputs().get(1)); // in, out: DL4J's dense layout too
                    graph.addLayer(
                            name,
                            new DenseLayer.Builder()
                                    .nIn(w[0])
                                    .nOut(w[1])
                                    .hasBias(true)
                                    .activation(Activation.IDENTITY)
                                    .build(),
                            source(vertex, n, 0));
                    dense.put(name, n);
                }
                case "Softmax" ->
                    graph.addLayer(
                            name,
                            new ActivationLayer.Builder()
                                    .activation(Activation.SOFTMAX)
                                    .build(),
                            source(vertex, n, 0));
                default -> throw new IllegalStateException("cannot import node " + n.name() + " (" + n.op() + ")");
            }
            vertex.put(n.name(), name);
        }
        return new Imported(weights, convolutions, dense);
    }

    private static Activation activation(BackboneWeights.Node n) {
        return n.fused() != null && n.fused().contains("Relu6") ? Activation.RELU6 : Activation.IDENTITY;
    }

    private static String source(Map<String, String> vertex, BackboneWeights.Node n, int input) {
        String s = vertex.get(n.inputs().get(input));
        if (s == null) {
            throw new IllegalStateException(n.name() + " reads " + n.inputs().get(input) + ", which is not built");
        }
        return s;
    }

    /** The weights of a convolution, from TF's layout into DL4J's. */
    private static void load(ComputationGraph network, String name, BackboneWeights.Node n, BackboneWeights weights) {
        Map<String, INDArray> params = network.getLayer(name).paramTable();
        INDArray kernel = weights.tf(n.inputs().get(1));
        INDArray w = params.get("W");
        if (n.op().equals("_FusedConv2D")) {
            w.assign(kernel.permute(3, 2, 0, 1)); // [kh, kw, in, out] -> [out, in, kh, kw]
        } else if (java.util.Arrays.equals(w.shape(), kernel.shape())) {
            w.assign(kernel); // DL4J's depthwise kernel is [kh, kw, in, multiplier], as TF's
        } else {
            throw new IllegalStateException("depthwise kernel " + name + ": DL4J wants "
                    + java.util.Arrays.toString(w.shape()) + ", TF gives " + java.util.Arrays.toString(kernel.shape()));
        }
        params.get("b")
                .assign(weights.tf(n.inputs().get(2)).reshape(params.get("b").shape()));
    }

    /** The nodes {@code outputs} depend on after node {@code from}, in the manifest's order. */
    private static List<BackboneWeights.Node> needed(
            List<BackboneWeights.Node> all, List<String> outputs, String from) {
        Map<String, BackboneWeights.Node> byName = new HashMap<>();
        all.forEach(n -> byName.put(n.name(), n));
        Set<String> keep = new HashSet<>();
        List<String> todo = new ArrayList<>(outputs);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            BackboneWeights.Node n = byName.get(name);
            if (n == null || name.equals(from) || !keep.add(name)) {
                continue;
            }
            todo.addAll(n.inputs());
        }
        return all.stream().filter(n -> keep.contains(n.name())).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}
