package io.rlarena.nn;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss with a per-output mask, the TD loss of DQN. Labels carry the TD targets; the mask
 * (same shape as the labels) is 1 for the action taken and 0 elsewhere (or an importance weight),
 * so only the taken action's Q-value gets a gradient. Per element, with {@code d = output - label}:
 * {@code 0.5 d^2} for {@code |d| <= delta}, else {@code delta (|d| - delta/2)}.
 */
public final class HuberLoss extends LossFunction {

    private double delta = 1.0;

    /** For DL4J's JSON model configuration. */
    public HuberLoss() {
    }

    public HuberLoss(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("Huber delta must be > 0, got " + delta);
        }
        this.delta = delta;
    }

    public double getDelta() {
        return delta;
    }

    public void setDelta(double delta) {
        this.delta = delta;
    }

    private INDArray difference(INDArray labels, INDArray preOutput, IActivation activation) {
        INDArray output = activation.getActivation(preOutput.dup(), true);
        return output.subi(labels);
    }

    private INDArray clipped(INDArray difference) {
        return Transforms.max(Transforms.min(difference, delta, true), -delta, false);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray d = difference(labels, preOutput, activation);
        INDArray c = clipped(d);
        // |c| * |d| - c^2 / 2 equals the Huber function of d
        INDArray loss = Transforms.abs(c, true).muli(Transforms.abs(d, true)).subi(c.mul(c).muli(0.5));
        if (mask != null) {
            loss.muli(mask);
        }
        return loss.sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray dLdOutput = clipped(difference(labels, preOutput, activation));
        if (mask != null) {
            dLdOutput.muli(mask);
        }
        return activation.backprop(preOutput.dup(), dLdOutput).getFirst();
    }

    @Override
    public String name() {
        return "huber(" + delta + ")";
    }
}
