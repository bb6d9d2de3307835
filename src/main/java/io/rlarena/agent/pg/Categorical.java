package io.rlarena.agent.pg;

import io.rlarena.agent.QPolicy;

import java.util.random.RandomGenerator;

/**
 * The masked categorical distribution of a policy head, on plain arrays: row {@code r} of
 * {@code logits} (and of {@code mask}) holds one state's action scores. Illegal actions are
 * treated as if their logit were minus infinity: probability zero, no share in the entropy, and
 * no gradient. Every row must have at least one legal action.
 */
public final class Categorical {

    private Categorical() {
    }

    /** Writes the masked softmax of row {@code row} into {@code out[0 .. n)}; returns log of its normalizer. */
    public static double probabilities(float[] logits, boolean[] mask, int row, int n, double[] out) {
        int offset = row * n;
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            if (mask[offset + a]) {
                max = Math.max(max, logits[offset + a]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("no legal action in row " + row + " of the action mask");
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            out[a] = mask[offset + a] ? Math.exp(logits[offset + a] - max) : 0;
            sum += out[a];
        }
        for (int a = 0; a < n; a++) {
            out[a] /= sum;
        }
        return max + Math.log(sum);
    }

    /** Log-probability of {@code action} in row {@code row}. */
    public static double logProb(float[] logits, boolean[] mask, int row, int n, int action) {
        if (!mask[row * n + action]) {
            return Double.NEGATIVE_INFINITY;
        }
        return logits[row * n + action] - probabilities(logits, mask, row, n, new double[n]);
    }

    /** Entropy {@code -sum p log p} over the legal actions of row {@code row}. */
    public static double entropy(float[] logits, boolean[] mask, int row, int n) {
        double[] p = new double[n];
        double logNormalizer = probabilities(logits, mask, row, n, p);
        double entropy = 0;
        for (int a = 0; a < n; a++) {
            if (p[a] > 0) {
                entropy -= p[a] * (logits[row * n + a] - logNormalizer);
            }
        }
        return entropy;
    }

    /** Samples an action of row {@code row}; {@code scratch} holds at least n values. */
    public static int sample(float[] logits, boolean[] mask, int row, int n, RandomGenerator random, double[] scratch) {
        probabilities(logits, mask, row, n, scratch);
        double u = random.nextDouble();
        int last = -1;
        for (int a = 0; a < n; a++) {
            if (scratch[a] > 0) {
                last = a;
                u -= scratch[a];
                if (u < 0) {
                    return a;
                }
            }
        }
        return last; // rounding left u just above 0: the last legal action
    }

    /** The legal action with the largest logit (lowest index on ties): the greedy choice. */
    public static int mode(float[] logits, boolean[] mask, int row, int n) {
        int best = QPolicy.argmaxLegal(logits, row * n, n, mask, row * n);
        if (best < 0) {
            throw new IllegalArgumentException("no legal action in row " + row + " of the action mask");
        }
        return best;
    }
}
