package io.rlarena.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxCrossEntropyTest {

    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    @Test
    void scoresMinusTheLogProbabilityOfTheTargetsAndItsGradientIsSoftmaxMinusTargets() {
        INDArray logits = Nd4j.create(new double[][] {{1, 2, 3}, {0, 0, 0}}).castTo(DataType.DOUBLE);
        INDArray targets = Nd4j.create(new double[][] {{0, 0.25, 0.75}, {1, 0, 0}}).castTo(DataType.DOUBLE);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double first = -(0.25 * (2 - Math.log(z)) + 0.75 * (3 - Math.log(z)));
        double second = Math.log(3);
        INDArray scores = loss.computeScoreArray(targets, logits, new ActivationIdentity(), null);
        assertEquals(first, scores.getDouble(0), 1e-9);
        assertEquals(second, scores.getDouble(1), 1e-9);
        assertEquals((first + second) / 2, loss.computeScore(targets, logits, new ActivationIdentity(), null, true), 1e-9);

        INDArray gradient = loss.computeGradient(targets, logits, new ActivationIdentity(), null);
        double h = 1e-6;
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3; col++) {
                INDArray up = logits.dup();
                up.putScalar(row, col, logits.getDouble(row, col) + h);
                INDArray down = logits.dup();
                down.putScalar(row, col, logits.getDouble(row, col) - h);
                double numeric = (loss.computeScoreArray(targets, up, new ActivationIdentity(), null).getDouble(row)
                        - loss.computeScoreArray(targets, down, new ActivationIdentity(), null).getDouble(row)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(row, col), 1e-6, "d/d logit " + row + "," + col);
            }
        }
    }
}
