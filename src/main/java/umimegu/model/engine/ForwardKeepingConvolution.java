package umimegu.model.engine;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer that does not run its convolution a second time in backprop.
 *
 * <p>On the oneDNN helper path, M2.1's {@link ConvolutionLayer#backpropGradient} recomputes the
 * layer's pre-activation only to take the activation's derivative (its forward cache is skipped on
 * that path). For a plain ReLU the derivative is the same whether taken at the pre-activation or at
 * the ReLU's output (both are positive at the same places), and the identity's does not look at it,
 * so this layer hands backprop the output of the training forward pass it has just made (that
 * second forward pass was a third of a training batch's oneDNN time: docs/performance.md).
 *
 * <p>Its backprop also takes a plain ReLU's derivative with {@link ReluGradient} (a third of the
 * time of M2.1's op), by handing backprop a copy of its configuration whose activation is
 * {@link ReluGradient.Activation}; the network's configuration, and so a saved model, keeps DL4J's
 * own {@link ActivationReLU}.
 *
 * <p>While training on more than {@link SlicedConvolution#SLICE} pictures, its forward pass and
 * backprop run in slices of the batch ({@link SlicedConvolution}), for memory.
 *
 * <p>Installed by {@link FasterLayers}.
 */
final class ForwardKeepingConvolution extends ConvolutionLayer {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();
    private INDArray keptOutput;
    private INDArray keptInput;
    private boolean inBackprop;
    private org.deeplearning4j.nn.conf.layers.ConvolutionLayer copiedFrom;
    private org.deeplearning4j.nn.conf.layers.ConvolutionLayer backpropConf;
    private SlicedConvolution sliced;

    ForwardKeepingConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Plain ReLU or identity, channels first, on the oneDNN helper: the cases where the output stands in for the pre-activation. */
    static boolean applies(ConvolutionLayer layer) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layer.layerConf();
        IActivation activation = conf.getActivationFn();
        boolean derivativeFromOutput = activation instanceof ActivationIdentity || PLAIN_RELU.equals(activation);
        return derivativeFromOutput
                && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && layer.getHelper() instanceof MKLDNNConvHelper;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray output = super.activate(training, workspaceMgr);
        keptOutput = training ? output : null;
        keptInput = training ? input : null;
        return output;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput4d(
            boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        INDArray output = keptOutput;
        boolean sameForwardPass = forBackprop && output != null && keptInput == input;
        keptOutput = null;
        keptInput = null;
        return sameForwardPass ? new Pair<>(output, null) : super.preOutput4d(training, forBackprop, workspaceMgr);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(
            boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (!training || forBackprop || !inSlices()) {
            return super.preOutput(training, forBackprop, workspaceMgr);
        }
        assertInputSet(false);
        Operands operands = operands(workspaceMgr);
        INDArray in = operands.input();
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        int[] outSize = ConvolutionUtils.getOutputSize(
                in,
                conf.getKernelSize(),
                conf.getStride(),
                conf.getPadding(),
                convolutionMode,
                conf.getDilation(),
                CNN2DFormat.NCHW);
        INDArray output = workspaceMgr.createUninitialized(
                ArrayType.ACTIVATIONS, in.dataType(), in.size(0), conf.getNOut(), outSize[0], outSize[1]);
        slices().forward(
                        in,
                        operands.weights(),
                        operands.bias(),
                        convolutionArguments(in, outSize[0], outSize[1]),
                        output);
        return new Pair<>(output, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        inBackprop = true;
        try {
            return inSlices() ? backpropInSlices(epsilon, workspaceMgr) : super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            inBackprop = false;
        }
    }

    private record Operands(INDArray input, INDArray weights, INDArray bias) {}

    /** What DL4J's convolution reads while training: its input in the layer's type, and its parameters (with any weight noise). */
    private Operands operands(LayerWorkspaceMgr workspaceMgr) {
        return new Operands(
                input.castTo(dataType),
                getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr),
                getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr));
    }

    /** A batch of more than {@link SlicedConvolution#SLICE}, on the path whose arguments {@link SlicedConvolution} copies. */
    private boolean inSlices() {
        return input != null
                && SlicedConvolution.neededFor(input.size(0))
                && hasBias()
                && layerConf().getIDropout() == null
                && getHelper() instanceof MKLDNNConvHelper
                && layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    private SlicedConvolution slices() {
        if (sliced == null) {
            sliced = new SlicedConvolution();
        }
        return sliced;
    }

    /** What DL4J's backprop does on the oneDNN helper path, with the convolution's op run in slices of the batch. */
    private Pair<Gradient, INDArray> backpropInSlices(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Operands operands = operands(workspaceMgr);
        INDArray in = operands.input();
        INDArray preActivation = preOutput4d(true, true, workspaceMgr).getFirst();
        INDArray delta =
                layerConf().getActivationFn().backprop(preActivation, epsilon).getFirst();
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, in.dataType(), in.shape());
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        slices().backprop(
                        in,
                        operands.weights(),
                        operands.bias(),
                        delta,
                        convolutionArguments(in, delta.size(2), delta.size(3)),
                        inputGradient,
                        weightGradient,
                        biasGradient);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient);
        return new Pair<>(gradient, inputGradient);
    }

    /** The integer arguments M2.1's oneDNN helper gives {@code conv2d_bp}: channels first, weights [out, in, kH, kW]. */
    private long[] convolutionArguments(INDArray in, long outHeight, long outWidth) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        int[] kernel = conf.getKernelSize();
        int[] strides = conf.getStride();
        int[] dilation = conf.getDilation();
        boolean same = convolutionMode == ConvolutionMode.Same;
        int[] padding = same
                ? ConvolutionUtils.getSameModeTopLeftPadding(
                        new int[] {(int) outHeight, (int) outWidth},
                        new int[] {(int) in.size(2), (int) in.size(3)},
                        kernel,
                        strides,
                        dilation)
                : conf.getPadding();
        return new long[] {
            kernel[0],
            kernel[1],
            strides[0],
            strides[1],
            padding[0],
            padding[1],
            dilation[0],
            dilation[1],
            same ? 1 : 0,
            0,
            1
        };
    }

    @Override
    public org.deeplearning4j.nn.conf.layers.ConvolutionLayer layerConf() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer own = super.layerConf();
        if (!inBackprop || !PLAIN_RELU.equals(own.getActivationFn())) {
            return own;
        }
        if (own != copiedFrom) {
            backpropConf = (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) own.clone();
            backpropConf.setActivationFn(new ReluGradient.Activation());
            copiedFrom = own;
        }
        return backpropConf;
    }

    @Override
    public void clear() {
        super.clear();
        keptOutput = null;
        keptInput = null;
    }
}
