package io.rlarena.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The TD loss's value and gradient, checked by hand and by finite differences. */
class HuberLossTest {

    private final HuberLoss loss = new HuberLoss(1.0);
    private final INDArray labels = Nd4j.create(new double[][] {{0.0, 1.0, 2.0}, {-1.0, 0.5, 3.0}}).castTo(DataType.DOUBLE);
    private final INDArray mask = Nd4j.create(new double[][] {{1, 0, 1}, {0, 1, 0}}).castTo(DataType.DOUBLE);
    private final INDArray output = Nd4j.create(new double[][] {{0.5, 9.0, -1.0}, {7.0, 0.3, 3.0}}).castTo(DataType.DOUBLE);

    @Test
    void scoreIsQuadraticNearAndLinearFar() {
        // masked differences: 0.5 (quadratic: 0.125), -3 (linear: 2.5), -0.2 (quadratic: 0.02)
        double total = loss.computeScore(labels, output, new ActivationIdentity(), mask, false);
        assertEquals(0.125 + 2.5 + 0.02, total, 1e-9);
        assertEquals(total / 2, loss.computeScore(labels, output, new ActivationIdentity(), mask, true), 1e-9);
    }

    @Test
    void gradientMatchesFiniteDifferencesAndIsZeroWhereMasked() {
        INDArray gradient = loss.computeGradient(labels, output, new ActivationIdentity(), mask);
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                INDArray plus = output.dup();
                plus.putScalar(i, j, output.getDouble(i, j) + h);
                INDArray minus = output.dup();
                minus.putScalar(i, j, output.getDouble(i, j) - h);
                double numeric = (loss.computeScore(labels, plus, new ActivationIdentity(), mask, false)
                        - loss.computeScore(labels, minus, new ActivationIdentity(), mask, false)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(i, j), 1e-6, "element " + i + "," + j);
            }
        }
        assertEquals(0.0, gradient.getDouble(0, 1));
        assertEquals(-1.0, gradient.getDouble(0, 2), 1e-12); // clipped
    }
}
