package io.rlarena.agent.pg;

import io.rlarena.nn.LossFunction;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The policy-gradient loss of a masked categorical policy head, as a DL4J loss function on the
 * head's logits: PPO's clipped surrogate (Schulman et al. 2017) minus an entropy bonus,
 * {@code -min(r A, clip(r, 1-eps, 1+eps) A) - c H(pi)} per row, with {@code r = exp(log pi(a) -
 * old log pi(a))}. With clipping off ({@code clipRange <= 0}) and the old log-probability taken
 * from the same network (one gradient step per batch, as in REINFORCE and A2C) its gradient is
 * the vanilla policy gradient {@code -A grad log pi(a)}.
 *
 * <p>Each label row is {@code [action, advantage, old log-probability, legal mask (n values)]},
 * so a head of n actions takes labels of width {@code n + 3}. Illegal actions get probability
 * zero and no gradient. The arithmetic runs on plain arrays: at these sizes one JVM loop costs
 * less than a single ND4J op.
 */
public final class PolicyLoss extends LossFunction {

    /** Label columns before the mask: action, advantage, old log-probability. */
    public static final int LEADING_COLUMNS = 3;

    private double clipRange;
    private double entropyCoefficient;

    /** For DL4J's JSON model configuration. */
    public PolicyLoss() {
    }

    public PolicyLoss(double clipRange, double entropyCoefficient) {
        this.clipRange = clipRange;
        this.entropyCoefficient = entropyCoefficient;
    }

    public double getClipRange() {
        return clipRange;
    }

    /** Changes the clip range of later updates (for a schedule); 0 or less turns clipping off. */
    public void setClipRange(double clipRange) {
        this.clipRange = clipRange;
    }

    public double getEntropyCoefficient() {
        return entropyCoefficient;
    }

    public void setEntropyCoefficient(double entropyCoefficient) {
        this.entropyCoefficient = entropyCoefficient;
    }

    /** Writes one label row: the action, its advantage and old log-probability, then the mask. */
    public static void label(float[] labels, int row, int actions, int action, float advantage, float oldLogProb,
                             boolean[] mask, int maskRow) {
        int offset = row * (actions + LEADING_COLUMNS);
        labels[offset] = action;
        labels[offset + 1] = advantage;
        labels[offset + 2] = oldLogProb;
        for (int a = 0; a < actions; a++) {
            labels[offset + LEADING_COLUMNS + a] = mask[maskRow * actions + a] ? 1f : 0f;
        }
    }

    /** Per-row losses into {@code losses} and, if {@code gradient} is not null, dLoss/dlogits into it. */
    private void evaluate(float[] logits, float[] labels, int rows, int n, double[] losses, float[] gradient) {
        int width = n + LEADING_COLUMNS;
        boolean[] mask = new boolean[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < n; a++) {
                mask[r * n + a] = labels[r * width + LEADING_COLUMNS + a] > 0.5f;
            }
        }
        double[] p = new double[n];
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            double logNormalizer = Categorical.probabilities(logits, mask, r, n, p);
            int action = Math.round(labels[offset]);
            double advantage = labels[offset + 1];
            double ratio = Math.exp(logits[r * n + action] - logNormalizer - labels[offset + 2]);
            double surrogate = ratio * advantage;
            double clippedSurrogate = clipRange > 0
                    ? Math.max(1 - clipRange, Math.min(1 + clipRange, ratio)) * advantage : surrogate;
            double entropy = 0;
            for (int a = 0; a < n; a++) {
                if (p[a] > 0) {
                    entropy -= p[a] * (logits[r * n + a] - logNormalizer);
                }
            }
            losses[r] = -Math.min(surrogate, clippedSurrogate) - entropyCoefficient * entropy;
            if (gradient != null) {
                // d(-min)/dlog pi(a): -r A where the unclipped term is the minimum, else 0 (clipped, constant)
                double dLogProb = surrogate <= clippedSurrogate ? -ratio * advantage : 0;
                for (int a = 0; a < n; a++) {
                    double g = 0;
                    if (p[a] > 0) {
                        double logP = logits[r * n + a] - logNormalizer;
                        g = dLogProb * ((a == action ? 1 : 0) - p[a]) + entropyCoefficient * p[a] * (logP + entropy);
                    }
                    gradient[r * n + a] = (float) g;
                }
            }
        }
    }

    private static float[] floats(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private void checkLabels(INDArray labels, INDArray preOutput) {
        if (labels.size(1) != preOutput.size(1) + LEADING_COLUMNS) {
            throw new IllegalArgumentException("policy loss labels need " + (preOutput.size(1) + LEADING_COLUMNS)
                    + " columns (action, advantage, old log-prob, mask), got " + labels.size(1));
        }
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        checkLabels(labels, preOutput);
        int rows = (int) preOutput.size(0);
        int n = (int) preOutput.size(1);
        double[] losses = new double[rows];
        evaluate(floats(activation.getActivation(preOutput.dup(), true)), floats(labels), rows, n, losses, null);
        INDArray scores = Nd4j.create(losses, new long[] {rows, 1}, preOutput.dataType());
        return mask == null ? scores : scores.muli(mask.size(1) == 1 ? mask : mask.max(true, 1));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        checkLabels(labels, preOutput);
        int rows = (int) preOutput.size(0);
        int n = (int) preOutput.size(1);
        float[] gradient = new float[rows * n];
        evaluate(floats(activation.getActivation(preOutput.dup(), true)), floats(labels), rows, n, new double[rows],
                gradient);
        INDArray dLdOutput = Nd4j.create(gradient, new long[] {rows, n}, 'c').castTo(preOutput.dataType());
        if (mask != null) {
            dLdOutput.muliColumnVector(mask.size(1) == 1 ? mask : mask.max(true, 1));
        }
        return activation.backprop(preOutput.dup(), dLdOutput).getFirst();
    }

    @Override
    public String name() {
        return "policy(clip " + clipRange + ", entropy " + entropyCoefficient + ")";
    }
}
