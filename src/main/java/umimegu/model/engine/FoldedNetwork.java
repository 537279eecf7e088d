package umimegu.model.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network that answers: a trained network with each convolution → batch normalization →
 * activation block made one convolution, its weights and bias scaled by the normalization's
 * fixed statistics and its activation the block's. After training those statistics no longer
 * change, so the answers are the same (to float rounding) while the normalization and activation
 * layers, their copies and their oneDNN layout changes are gone. A network without such blocks
 * (the seed network) is returned as it is.
 */
public final class FoldedNetwork {
    private FoldedNetwork() {}

    /** The folded copy of {@code trained}, whose input is {@code height}×{@code width}×{@code channels} pictures. */
    public static MultiLayerNetwork of(MultiLayerNetwork trained, int height, int width, int channels) {
        MultiLayerConfiguration conf = trained.getLayerWiseConfigurations();
        int n = trained.getnLayers();
        List<Integer> sources = new ArrayList<>(); // the trained layer each folded layer comes from
        Set<Integer> blocks = new HashSet<>();
        for (int i = 0; i < n; i++) {
            sources.add(i);
            if (isBlock(conf, i, n)) {
                blocks.add(i);
                i += 2;
            }
        }
        if (blocks.isEmpty()) {
            return trained;
        }
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .dataType(conf.getDataType())
                .list();
        for (int i : sources) {
            Layer layer = conf.getConf(i).getLayer().clone();
            if (blocks.contains(i)) {
                ConvolutionLayer conv = (ConvolutionLayer) layer;
                conv.setActivationFn(((ActivationLayer) conf.getConf(i + 2).getLayer()).getActivationFn());
                conv.setHasBias(true);
            }
            layers.layer(layer);
        }
        MultiLayerNetwork network =
                new MultiLayerNetwork(layers.setInputType(InputType.convolutional(height, width, channels))
                        .build());
        network.init();
        for (int j = 0; j < sources.size(); j++) {
            int i = sources.get(j);
            if (blocks.contains(i)) {
                foldInto(
                        network.getLayer(j).paramTable(),
                        trained.getLayer(i).paramTable(),
                        trained.getLayer(i + 1).paramTable(),
                        (BatchNormalization) conf.getConf(i + 1).getLayer());
            } else {
                for (Map.Entry<String, INDArray> p :
                        trained.getLayer(i).paramTable().entrySet()) {
                    network.getLayer(j).paramTable().get(p.getKey()).assign(p.getValue());
                }
            }
        }
        return FasterLayers.install(network);
    }

    /** Convolution without activation, then batch normalization (not locked), then an activation layer. */
    private static boolean isBlock(MultiLayerConfiguration conf, int i, int n) {
        if (i + 2 >= n) {
            return false;
        }
        Layer first = conf.getConf(i).getLayer();
        Layer second = conf.getConf(i + 1).getLayer();
        Layer third = conf.getConf(i + 2).getLayer();
        return first instanceof ConvolutionLayer conv
                && conv.getClass() == ConvolutionLayer.class
                && conv.getActivationFn() instanceof ActivationIdentity
                && conv.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && second instanceof BatchNormalization bn
                && !bn.isLockGammaBeta()
                && third instanceof ActivationLayer
                && first.getIDropout() == null
                && second.getIDropout() == null
                && third.getIDropout() == null;
    }

    /** W' = W·γ/s and b' = (b − μ)·γ/s + β per output channel, s = √(var + ε). */
    private static void foldInto(
            Map<String, INDArray> target,
            Map<String, INDArray> conv,
            Map<String, INDArray> norm,
            BatchNormalization bn) {
        INDArray gamma =
                norm.get(BatchNormalizationParamInitializer.GAMMA).reshape(-1).castTo(DataType.DOUBLE);
        INDArray beta =
                norm.get(BatchNormalizationParamInitializer.BETA).reshape(-1).castTo(DataType.DOUBLE);
        INDArray mean = norm.get(BatchNormalizationParamInitializer.GLOBAL_MEAN)
                .reshape(-1)
                .castTo(DataType.DOUBLE);
        INDArray variance;
        if (bn.isUseLogStd()) {
            INDArray log10std = norm.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
                    .reshape(-1)
                    .castTo(DataType.DOUBLE);
            variance = Transforms.pow(Nd4j.valueArrayOf(log10std.shape(), 10.0, DataType.DOUBLE), log10std, false);
            variance.muli(variance);
        } else {
            variance = norm.get(BatchNormalizationParamInitializer.GLOBAL_VAR)
                    .reshape(-1)
                    .castTo(DataType.DOUBLE);
        }
        INDArray scale = gamma.div(Transforms.sqrt(variance.add(bn.getEps()), false));

        INDArray weights = conv.get(ConvolutionParamInitializer.WEIGHT_KEY).castTo(DataType.DOUBLE);
        long outputs = weights.size(0);
        INDArray scaledWeights =
                weights.reshape('c', outputs, weights.length() / outputs).mulColumnVector(scale.reshape(outputs, 1));
        target.get(ConvolutionParamInitializer.WEIGHT_KEY).assign(scaledWeights.reshape('c', weights.shape()));

        INDArray bias = conv.containsKey(ConvolutionParamInitializer.BIAS_KEY)
                ? conv.get(ConvolutionParamInitializer.BIAS_KEY).reshape(-1).castTo(DataType.DOUBLE)
                : Nd4j.zeros(DataType.DOUBLE, outputs);
        INDArray foldedBias = bias.sub(mean).muli(scale).addi(beta);
        INDArray targetBias = target.get(ConvolutionParamInitializer.BIAS_KEY);
        targetBias.assign(foldedBias.reshape(targetBias.shape()));
    }
}
