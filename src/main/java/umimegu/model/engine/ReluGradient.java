package umimegu.model.engine;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backprop through a plain ReLU: the incoming gradient where the activation is positive, 0
 * elsewhere. The same numbers as M2.1's {@code relu_bp} op, which {@link ActivationReLU#backprop}
 * runs, but in two vectorised passes (a step, then a product) where that op calls a
 * {@code std::function} per value, and written over the activation, which backprop no longer
 * needs, instead of into a new array (measured: docs/performance.md).
 */
final class ReluGradient {
    private ReluGradient() {}

    /**
     * The gradient before the ReLU, written over {@code activation} and returned. {@code activation}
     * may be the ReLU's input or its output (both are positive at the same places); nothing may read
     * it afterwards.
     */
    static INDArray overActivation(INDArray activation, INDArray epsilon) {
        if (!activation.equalShapes(epsilon)) {
            throw new IllegalStateException("ReLU backprop: activation " + activation.shapeInfoToString()
                    + " and gradient " + epsilon.shapeInfoToString() + " differ in shape");
        }
        Nd4j.getExecutioner().exec(new Step(activation, activation, 0.0));
        return activation.muli(epsilon);
    }

    /**
     * A plain ReLU whose backprop is {@link #overActivation}; lives only in memory, inside
     * {@link ForwardKeepingConvolution}'s backprop, whose pre-activation is not read after it.
     */
    static final class Activation extends ActivationReLU {
        @Override
        public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
            return new Pair<>(overActivation(in, epsilon), null);
        }
    }
}
