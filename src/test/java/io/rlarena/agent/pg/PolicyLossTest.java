package io.rlarena.agent.pg;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clipped surrogate with entropy bonus: hand-computed values, clipping, masks, finite differences. */
class PolicyLossTest {

    private static final ActivationIdentity IDENTITY = new ActivationIdentity();

    private static INDArray labels(int actions, int[] action, float[] advantage, float[] oldLogProb, boolean[] mask) {
        float[] labels = new float[action.length * (actions + PolicyLoss.LEADING_COLUMNS)];
        for (int r = 0; r < action.length; r++) {
            PolicyLoss.label(labels, r, actions, action[r], advantage[r], oldLogProb[r], mask, r);
        }
        return Nd4j.create(labels, action.length, actions + PolicyLoss.LEADING_COLUMNS);
    }

    @Test
    void onPolicyGradientIsTheVanillaPolicyGradientPlusEntropy() {
        float[] logits = {1f, 2f, 0f};
        boolean[] all = {true, true, true};
        double z = Math.exp(1) + Math.exp(2) + 1;
        double[] p = {Math.exp(1) / z, Math.exp(2) / z, 1 / z};
        double logP1 = Math.log(p[1]);
        double entropy = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]) + p[2] * Math.log(p[2]));
        PolicyLoss loss = new PolicyLoss(0.2, 0.1);
        INDArray labels = labels(3, new int[] {1}, new float[] {2f}, new float[] {(float) logP1}, all);
        INDArray output = Nd4j.create(logits, 1, 3);
        assertEquals(-2.0 - 0.1 * entropy, loss.computeScore(labels, output, IDENTITY, null, true), 1e-5);
        INDArray gradient = loss.computeGradient(labels, output, IDENTITY, null);
        for (int a = 0; a < 3; a++) {
            double expected = -2.0 * ((a == 1 ? 1 : 0) - p[a]) + 0.1 * p[a] * (Math.log(p[a]) + entropy);
            assertEquals(expected, gradient.getDouble(0, a), 1e-5, "action " + a);
        }
        assertEquals(Categorical.entropy(logits, all, 0, 3), entropy, 1e-9);
        assertEquals(Categorical.logProb(logits, all, 0, 3, 1), logP1, 1e-9);
    }

    @Test
    void clippingStopsTheGradientOnlyWhereTheClippedTermIsTheMinimum() {
        float[] logits = {0f, 0f};
        boolean[] all = {true, true};
        double logHalf = Math.log(0.5);
        PolicyLoss loss = new PolicyLoss(0.2, 0.0);
        INDArray output = Nd4j.create(logits, 1, 2);
        // ratio 0.5 / 0.3 = 1.67 > 1.2: with A > 0 the clipped term is the minimum, no gradient
        INDArray upPositive = labels(2, new int[] {0}, new float[] {1f}, new float[] {(float) Math.log(0.3)}, all);
        assertEquals(0.0, loss.computeGradient(upPositive, output, IDENTITY, null).getDouble(0, 0), 1e-9);
        assertEquals(-1.2, loss.computeScore(upPositive, output, IDENTITY, null, true), 1e-5);
        // same ratio with A < 0: the unclipped term is the minimum, gradient -A r (1 - p) = 1.67 * 0.5
        INDArray upNegative = labels(2, new int[] {0}, new float[] {-1f}, new float[] {(float) Math.log(0.3)}, all);
        assertEquals(0.5 / 0.3 * 0.5, loss.computeGradient(upNegative, output, IDENTITY, null).getDouble(0, 0), 1e-5);
        // clipping off: the plain ratio objective
        PolicyLoss unclipped = new PolicyLoss(0, 0);
        assertEquals(-0.5 / 0.3, unclipped.computeScore(upPositive, output, IDENTITY, null, true), 1e-5);
        assertEquals(-0.5 / 0.3 * 0.5, unclipped.computeGradient(upPositive, output, IDENTITY, null).getDouble(0, 0),
                1e-5);
        // at ratio 1 both agree
        INDArray onPolicy = labels(2, new int[] {1}, new float[] {1f}, new float[] {(float) logHalf}, all);
        assertEquals(unclipped.computeGradient(onPolicy, output, IDENTITY, null).getDouble(0, 1),
                loss.computeGradient(onPolicy, output, IDENTITY, null).getDouble(0, 1), 1e-9);
    }

    @Test
    void illegalActionsHaveNoProbabilityAndNoGradient() {
        boolean[] mask = {true, false, true};
        PolicyLoss loss = new PolicyLoss(0.2, 0.05);
        INDArray labels = labels(3, new int[] {2}, new float[] {1.5f}, new float[] {(float) Math.log(0.4)}, mask);
        INDArray a = Nd4j.create(new float[] {0.3f, 5f, -0.2f}, 1, 3);
        INDArray b = Nd4j.create(new float[] {0.3f, -7f, -0.2f}, 1, 3);
        assertEquals(loss.computeScore(labels, a, IDENTITY, null, true), loss.computeScore(labels, b, IDENTITY, null, true),
                1e-6);
        assertEquals(0.0, loss.computeGradient(labels, a, IDENTITY, null).getDouble(0, 1));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 6;
        int n = 4;
        float[] logits = new float[rows * n];
        boolean[] mask = new boolean[rows * n];
        int[] action = new int[rows];
        float[] advantage = new float[rows];
        float[] oldLogProb = new float[rows];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < n; a++) {
                logits[r * n + a] = (float) random.nextDouble(-1.5, 1.5);
                mask[r * n + a] = a == 0 || random.nextDouble() < 0.7;
            }
            do {
                action[r] = random.nextInt(n);
            } while (!mask[r * n + action[r]]);
            advantage[r] = (float) random.nextDouble(-2, 2);
            // old log-probabilities near the current ones, some far enough to be clipped
            oldLogProb[r] = (float) (Categorical.logProb(logits, mask, r, n, action[r]) + random.nextDouble(-0.4, 0.4));
        }
        PolicyLoss loss = new PolicyLoss(0.2, 0.05);
        INDArray labels = labels(n, action, advantage, oldLogProb, mask);
        INDArray output = Nd4j.create(logits, rows, n).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray gradient = loss.computeGradient(labels, output, IDENTITY, null);
        double h = 1e-3;
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < n; a++) {
                INDArray plus = output.dup();
                plus.putScalar(r, a, output.getDouble(r, a) + h);
                INDArray minus = output.dup();
                minus.putScalar(r, a, output.getDouble(r, a) - h);
                double numeric = (loss.computeScore(labels, plus, IDENTITY, null, false)
                        - loss.computeScore(labels, minus, IDENTITY, null, false)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(r, a), 2e-3, "row " + r + ", action " + a);
            }
        }
    }
}
