package umimegu.model.engine;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps some of DL4J's layer objects in a network for subclasses that compute the same thing
 * faster ({@link ForwardKeepingConvolution}, {@link SingleRowDense}, {@link InPlaceRelu}), and gives batch
 * normalization a backprop that needs less memory ({@link LeanBatchNormBackprop}). Only the in-memory layer
 * objects change: the configuration, and so every saved model, still names DL4J's own layers.
 * Called on every network built or loaded, before its first fit.
 */
public final class FasterLayers {
    private static final Logger LOG = LoggerFactory.getLogger(FasterLayers.class);

    private FasterLayers() {}

    public static MultiLayerNetwork install(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        DataType dataType = network.getLayerWiseConfigurations().getDataType();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].getClass() == ConvolutionLayer.class
                    && ForwardKeepingConvolution.applies((ConvolutionLayer) layers[i])) {
                layers[i] =
                        copy((ConvolutionLayer) layers[i], new ForwardKeepingConvolution(layers[i].conf(), dataType));
            } else if (layers[i].getClass() == DenseLayer.class && SingleRowDense.applies((DenseLayer) layers[i])) {
                layers[i] = copy((DenseLayer) layers[i], new SingleRowDense(layers[i].conf(), dataType));
            } else if (layers[i].getClass() == ActivationLayer.class
                    && InPlaceRelu.applies((ActivationLayer) layers[i])) {
                layers[i] = placed(layers[i], new InPlaceRelu(layers[i].conf(), dataType));
            } else if (layers[i] instanceof BatchNormalization
                    && layers[i].getHelper() instanceof MKLDNNBatchNormHelper) {
                leanBackprop((BatchNormalization) layers[i]);
            }
        }
        network.setLayers(layers);
        return network;
    }

    /** M2.1 keeps the helper in a package-private field with no setter. */
    private static void leanBackprop(BatchNormalization layer) {
        try {
            Field helper = BatchNormalization.class.getDeclaredField("helper");
            helper.setAccessible(true);
            helper.set(layer, new LeanBatchNormBackprop((BatchNormalizationHelper) helper.get(layer)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("batch normalization keeps DL4J's backprop: {}", e.toString());
        }
    }

    /** What DL4J's own {@code instantiate} and {@code init} give a layer: its place, listeners and parameter views. */
    private static <L extends BaseLayer<?>> L copy(BaseLayer<?> layer, L copy) {
        placed(layer, copy);
        copy.setParamsViewArray(layer.params());
        copy.setParamTable(layer.paramTable());
        copy.setConf(layer.conf());
        if (layer.getGradientsViewArray() != null) {
            copy.setBackpropGradientsViewArray(layer.getGradientsViewArray());
        }
        return copy;
    }

    /** The layer's place in the network and its listeners. */
    private static <L extends Layer> L placed(Layer layer, L copy) {
        copy.setListeners(layer.getListeners());
        copy.setIndex(layer.getIndex());
        return copy;
    }
}
