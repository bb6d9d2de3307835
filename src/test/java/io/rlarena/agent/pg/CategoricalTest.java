package io.rlarena.agent.pg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The masked categorical distribution: probabilities, sampling frequencies, greedy choice. */
class CategoricalTest {

    @Test
    void maskedSoftmaxGivesIllegalActionsZeroProbability() {
        float[] logits = {0f, 0f, 100f, (float) Math.log(3)};
        boolean[] mask = {true, true, false, true};
        double[] p = new double[4];
        Categorical.probabilities(logits, mask, 0, 4, p);
        assertEquals(0.2, p[0], 1e-7);
        assertEquals(0.0, p[2]);
        assertEquals(0.6, p[3], 1e-7);
        assertEquals(3, Categorical.mode(logits, mask, 0, 4), "the illegal action's large logit is ignored");
        assertEquals(Double.NEGATIVE_INFINITY, Categorical.logProb(logits, mask, 0, 4, 2));
    }

    @Test
    void samplingFollowsTheProbabilitiesOfTheRequestedRow() {
        float[] logits = {9f, 9f, 0f, (float) Math.log(3)};  // row 0 ignored, row 1 is [0, ln 3]
        boolean[] mask = {true, true, true, true};
        SplittableRandom random = new SplittableRandom(11);
        int ones = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            ones += Categorical.sample(logits, mask, 1, 2, random, new double[2]);
        }
        assertEquals(0.75, (double) ones / draws, 0.01);
    }

    @Test
    void aRowWithoutLegalActionsIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> Categorical.mode(new float[] {1f, 2f}, new boolean[] {false, false}, 0, 2));
    }
}
