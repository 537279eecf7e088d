package umimegu.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A convolution's backprop (the same libnd4j op, with the arguments DL4J's oneDNN helper gives it)
 * run over the batch in slices of {@link #SLICE} pictures, the weight and bias gradients summed.
 *
 * <p>oneDNN copies the output gradient into its blocked layout, once for the weight gradient and
 * once for the input gradient, and the input and input gradient too where their layout differs:
 * for the first convolution of the compact network at batch 128 that is 540 MB of temporaries
 * while backprop already holds every layer's activations, the peak of a whole training step. In
 * slices of 32 they take a quarter of that. Sums over slices round differently from one sum over
 * the batch (float addition in another order), so gradients agree to rounding, not bit for bit;
 * a batch of {@link #SLICE} or fewer goes through unchanged.
 */
final class ChunkedConvolutionBackprop {
    static final int SLICE = 32;
    private final OpContext context = Nd4j.getExecutioner().buildContext();
    private INDArray sliceWeightGradient;
    private INDArray sliceBiasGradient;

    /** Whether a batch of this size is run in slices. */
    static boolean slices(long batch) {
        return batch > SLICE;
    }

    /**
     * Writes the input gradient into {@code inputGradient} and the weight and bias gradients into
     * their views. {@code iArguments}: kernel, strides, padding, dilation (2 each), same mode,
     * data format, weight format, as libnd4j's {@code conv2d_bp} takes them.
     */
    void run(INDArray input, INDArray weights, INDArray bias, INDArray delta, long[] iArguments,
             INDArray inputGradient, INDArray weightGradient, INDArray biasGradient) {
        long batch = input.size(0);
        context.setIArguments(iArguments);
        for (long from = 0; from < batch; from += SLICE) {
            long to = Math.min(batch, from + SLICE);
            boolean first = from == 0;
            INDArray weightOut = first ? weightGradient : sliceGradient(weightGradient, true);
            INDArray biasOut = first ? biasGradient : sliceGradient(biasGradient, false);
            context.setInputArray(0, slice(input, from, to));
            context.setInputArray(1, weights);
            context.setInputArray(2, bias);
            context.setInputArray(3, slice(delta, from, to));
            context.setOutputArray(0, slice(inputGradient, from, to));
            context.setOutputArray(1, weightOut);
            context.setOutputArray(2, biasOut);
            Nd4j.exec(new Conv2DDerivative(), context);
            if (!first) {
                weightGradient.addi(weightOut);
                biasGradient.addi(biasOut);
            }
        }
        context.purge();
    }

    private static INDArray slice(INDArray array, long from, long to) {
        INDArrayIndex[] indices = new INDArrayIndex[array.rank()];
        indices[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < indices.length; i++) {
            indices[i] = NDArrayIndex.all();
        }
        return array.get(indices);
    }

    /** Where a later slice's gradient goes before it is added: kept outside workspaces, reused. */
    private INDArray sliceGradient(INDArray like, boolean weights) {
        INDArray kept = weights ? sliceWeightGradient : sliceBiasGradient;
        if (kept == null || !kept.equalShapes(like) || kept.dataType() != like.dataType()) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                kept = Nd4j.createUninitialized(like.dataType(), like.shape(), 'c');
            }
            if (weights) {
                sliceWeightGradient = kept;
            } else {
                sliceBiasGradient = kept;
            }
        }
        return kept;
    }
}
