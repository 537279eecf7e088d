package umimegu.model.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A ReLU layer that works on its input in place while training.
 *
 * <p>DL4J's activation layer copies its input in the forward pass (to keep it for backprop) and
 * again in backprop. For a plain ReLU the derivative is the same at the input as at the output, so
 * neither copy is needed (they held a full copy of each block's activations). Its backprop writes the gradient over that output
 * ({@link ReluGradient}). Installed by {@link FasterLayers}.
 */
final class InPlaceRelu extends ActivationLayer {
    InPlaceRelu(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    static boolean applies(ActivationLayer layer) {
        return new ActivationReLU().equals(layer.layerConf().getActivationFn())
                && layer.layerConf().getIDropout() == null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return layerConf()
                .getActivationFn()
                .getActivation(workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input), training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        // input holds the ReLU's output (positive where its input was), read by nothing below this layer
        INDArray delta = ReluGradient.overActivation(input, epsilon);
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, delta));
    }
}
