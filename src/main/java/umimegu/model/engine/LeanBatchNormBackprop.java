package umimegu.model.engine;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization's backprop in per-channel sums and three passes that allocate nothing of the
 * input's size; the forward pass stays with DL4J's oneDNN helper, which this wraps.
 *
 * <p>M2.1's oneDNN backprop lets oneDNN compute part of the input gradient and adds the rest in
 * libnd4j with two temporaries the size of the input (x − mean and its product with the gradient),
 * the peak of a training step once the convolutions run in slices ({@link SlicedConvolution};
 * docs/performance.md). With x̂ = (x − μ)·s, s = 1/√(σ² + ε),
 * Σ over the batch and the picture for each channel:
 * dβ = Σ dy, dγ = s·Σ dy·(x − μ), and dx = γs·dy − γs³·Σ dy·(x − μ)/N·(x − μ) − γs·Σ dy/N, an
 * affine function of dy and x with per-channel coefficients. It scales the incoming gradient in
 * place (backprop does not read a layer's incoming gradient again).
 */
final class LeanBatchNormBackprop implements BatchNormalizationHelper {
    private static final int[] NCHW_SUM = {0, 2, 3};
    private static final int CHANNELS = 1;
    private final BatchNormalizationHelper oneDnn;

    LeanBatchNormBackprop(BatchNormalizationHelper oneDnn) {
        this.oneDnn = oneDnn;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
            INDArray input,
            INDArray epsilon,
            long[] shape,
            INDArray gamma,
            INDArray beta,
            INDArray dGammaView,
            INDArray dBetaView,
            double eps,
            CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        INDArray mean = oneDnn.getMeanCache(DataType.FLOAT);
        INDArray variance = oneDnn.getVarCache(DataType.FLOAT);
        boolean handled = input.rank() == 4
                && format == CNN2DFormat.NCHW
                && gamma != null
                && mean != null
                && input.dataType() == DataType.FLOAT
                && epsilon.dataType() == DataType.FLOAT
                && Shape.hasDefaultStridesForShape(input)
                && Shape.hasDefaultStridesForShape(epsilon);
        if (!handled) {
            return oneDnn.backpropGradient(
                    input, epsilon, shape, gamma, beta, dGammaView, dBetaView, eps, format, workspaceMgr);
        }
        long perChannel = input.length() / input.size(CHANNELS);
        INDArray mu = mean.reshape(mean.length());
        INDArray g = gamma.reshape(gamma.length());
        INDArray s = Transforms.pow(variance.reshape(variance.length()).add(eps), -0.5, true);
        INDArray sumDy = epsilon.sum(NCHW_SUM);
        INDArray sumDyX = Nd4j.getExecutioner().exec(new Dot(epsilon, input, null, NCHW_SUM));
        INDArray sumDyXc = sumDyX.sub(mu.mul(sumDy)); // Σ dy·(x − μ)
        dBetaView.assign(sumDy.reshape(dBetaView.shape()));
        dGammaView.assign(s.mul(sumDyXc).reshape(dGammaView.shape()));

        INDArray gs = g.mul(s);
        INDArray b = gs.mul(s).mul(s).mul(sumDyXc).divi(-perChannel);
        INDArray c = b.mul(mu).negi().subi(gs.mul(sumDy).divi(perChannel));
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        Nd4j.getExecutioner().exec(new BroadcastMulOp(input, b, dx, CHANNELS));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(dx, c, dx, CHANNELS));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, gs, epsilon, CHANNELS));
        dx.addi(epsilon);

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor("gamma", dGammaView);
        gradient.setGradientFor("beta", dBetaView);
        return new Pair<>(gradient, dx);
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return oneDnn.checkSupported(eps, fixedGammaBeta);
    }

    @Override
    public INDArray preOutput(
            INDArray x,
            boolean training,
            long[] shape,
            INDArray gamma,
            INDArray beta,
            INDArray mean,
            INDArray var,
            double decay,
            double eps,
            CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        return oneDnn.preOutput(x, training, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return oneDnn.getMeanCache(dataType);
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return oneDnn.getVarCache(dataType);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return oneDnn.helperMemoryUse();
    }

    @Override
    public boolean checkSupported() {
        return oneDnn.checkSupported();
    }
}
