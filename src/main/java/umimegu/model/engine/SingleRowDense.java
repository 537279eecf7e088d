package umimegu.model.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense layer that answers one picture with a vector-matrix product.
 *
 * <p>DL4J multiplies a one-row input with a matrix-matrix product, and OpenBLAS then packs the
 * whole weight matrix for every call, which was most of a single picture's time for the seed
 * network's large dense layer (docs/performance.md). Training and batches keep DL4J's own path.
 * Installed by {@link FasterLayers}.
 */
final class SingleRowDense extends DenseLayer {
    SingleRowDense(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** No layer normalization, no input dropout, no weight noise: the cases the short path computes exactly. */
    static boolean applies(DenseLayer layer) {
        org.deeplearning4j.nn.conf.layers.DenseLayer conf = layer.layerConf();
        return !conf.hasLayerNorm() && conf.getIDropout() == null && conf.getWeightNoise() == null;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(
            boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (training
                || forBackprop
                || maskArray != null
                || input == null
                || input.rank() != 2
                || input.rows() != 1
                || input.dataType() != dataType) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (input.columns() != weights.rows()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        INDArray result = workspaceMgr.create(ArrayType.ACTIVATIONS, dataType, new long[] {1, weights.columns()}, 'c');
        Nd4j.matmul(input.reshape(input.columns()), weights, result.reshape(weights.columns()));
        if (hasBias()) {
            result.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        }
        return new Pair<>(result, result);
    }
}
