package umimegu.model.engine;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A training convolution, forward and backprop (the same libnd4j ops, with the arguments DL4J's
 * oneDNN helper gives them), run over the batch in slices of {@link #SLICE} pictures, the weight
 * and bias gradients summed.
 *
 * <p>oneDNN copies its inputs and outputs between DL4J's layout and its blocked one: in backprop
 * the output gradient once for the weight gradient and once for the input gradient, the input and
 * the input gradient where their layouts differ; in the forward pass the output. At batch 128
 * those copies were the peak of a whole training step; in slices of 32 they take a quarter
 * (docs/performance.md, "A training's peak memory"). Outputs are the same; sums over slices round differently from one sum over the batch
 * (float addition in another order), so weight gradients agree to rounding, not bit for bit. A
 * batch of {@link #SLICE} or fewer goes through DL4J unchanged.
 */
final class SlicedConvolution {
    static final int SLICE = 32;
    private final OpContext context = Nd4j.getExecutioner().buildContext();
    private INDArray sliceWeightGradient;
    private INDArray sliceBiasGradient;

    /** The output of the convolution (before its activation) written into {@code output}, slice by slice. */
    void forward(INDArray input, INDArray weights, INDArray bias, long[] iArguments, INDArray output) {
        long batch = input.size(0);
        context.setIArguments(iArguments);
        for (long from = 0; from < batch; from += SLICE) {
            long to = Math.min(batch, from + SLICE);
            context.setInputArray(0, slice(input, from, to));
            context.setInputArray(1, weights);
            context.setInputArray(2, bias);
            context.setOutputArray(0, slice(output, from, to));
            Nd4j.exec(new Conv2D(), context);
        }
        context.purge();
    }

    /** Whether a batch of this size is run in slices. */
    static boolean neededFor(long batch) {
        return batch > SLICE;
    }

    /**
     * Writes the input gradient into {@code inputGradient} and the weight and bias gradients into
     * their views. {@code iArguments}: kernel, strides, padding, dilation (2 each), same mode,
     * data format, weight format, as libnd4j's {@code conv2d_bp} takes them.
     */
    void backprop(
            INDArray input,
            INDArray weights,
            INDArray bias,
            INDArray delta,
            long[] iArguments,
            INDArray inputGradient,
            INDArray weightGradient,
            INDArray biasGradient) {
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
