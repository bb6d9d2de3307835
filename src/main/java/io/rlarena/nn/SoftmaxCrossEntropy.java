package io.rlarena.nn;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Cross-entropy between target distributions (the labels, rows summing to 1) and the softmax of
 * a layer's logits: {@code -sum_a target_a * log softmax(z)_a} per row, whose gradient is
 * {@code softmax(z) - target}. For a policy head with the identity activation trained toward a
 * search's visit distribution (AlphaZero). It has no settings, so saved networks carry none.
 */
public final class SoftmaxCrossEntropy extends LossFunction {

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray logits = activation.getActivation(preOutput.dup(), true);
        INDArray logSoftmax = logits.subColumnVector(logSumExp(logits));
        return logSoftmax.muli(labels).sum(true, 1).negi();
    }

    /** Each row's log of the sum of exponentials, computed stably around the row's maximum. */
    private static INDArray logSumExp(INDArray logits) {
        INDArray max = logits.max(true, 1);
        return Transforms.log(Transforms.exp(logits.subColumnVector(max)).sum(true, 1), false).addi(max);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray logits = activation.getActivation(preOutput.dup(), true);
        INDArray softmax = Transforms.exp(logits.subColumnVector(logSumExp(logits)), false);
        INDArray dLdLogits = softmax.subi(labels);
        return activation.backprop(preOutput.dup(), dLdLogits).getFirst();
    }

    @Override
    public String name() {
        return "softmax cross-entropy";
    }
}
