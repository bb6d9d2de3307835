package io.rlarena.agent.pg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Returns and advantages against values worked out by hand. */
class ReturnsTest {

    @Test
    void discountedReturnsOfOneEpisode() {
        assertArrayEquals(new float[] {1 + 0.5f * (0 + 0.5f * 2), 0 + 0.5f * 2, 2}, Returns.discounted(
                new float[] {1, 0, 2}, 0.5, 0));
        // truncated: the last observation's value 4 is discounted in
        assertArrayEquals(new float[] {1 + 0.5f * 4}, Returns.discounted(new float[] {1}, 0.5, 4));
    }

    /**
     * Two copies, three steps, gamma 0.5. Copy 0: terminated at t=1, a new episode at t=2.
     * Copy 1: truncated at t=0 (its final observation is worth 10), then running to the end,
     * where the observation it stops at is worth 8.
     */
    private static final float[] REWARDS = {1, 2, 3, 4, 5, 6};
    private static final boolean[] TERMINATED = {false, false, true, false, false, false};
    private static final boolean[] TRUNCATED = {false, true, false, false, false, false};
    private static final float[] FINAL_VALUES = {0, 10, 0, 0, 0, 0};
    private static final float[] LAST_VALUES = {6, 8};
    private static final float[] VALUES = {1, 1, 2, 2, 3, 3};

    @Test
    void nStepReturnsStopAtTerminationAndBootstrapAtTruncationAndRolloutEnd() {
        float[] out = new float[6];
        Returns.nStep(REWARDS, TERMINATED, TRUNCATED, FINAL_VALUES, LAST_VALUES, 3, 2, 0.5, out);
        // copy 0: t=2: 5 + .5*6 = 8; t=1: 3 (terminated); t=0: 1 + .5*3 = 2.5
        // copy 1: t=2: 6 + .5*8 = 10; t=1: 4 + .5*10 = 9; t=0: 2 + .5*10 (truncated, final value 10) = 7
        assertArrayEquals(new float[] {2.5f, 7f, 3f, 9f, 8f, 10f}, out);
    }

    @Test
    void gaeMatchesHandComputedAdvantages() {
        float[] out = new float[6];
        Returns.gae(REWARDS, VALUES, TERMINATED, TRUNCATED, FINAL_VALUES, LAST_VALUES, 3, 2, 0.5, 0.5, out);
        // copy 0: t=2: delta = 5 + .5*6 - 3 = 5, A = 5; t=1: delta = 3 - 2 = 1 (terminated), A = 1;
        //         t=0: delta = 1 + .5*2 - 1 = 1, A = 1 + .25*1 = 1.25
        // copy 1: t=2: delta = 6 + .5*8 - 3 = 7, A = 7; t=1: delta = 4 + .5*3 - 2 = 3.5, A = 3.5 + .25*7 = 5.25;
        //         t=0: delta = 2 + .5*10 - 1 = 6 (truncated: no carry), A = 6
        assertArrayEquals(new float[] {1.25f, 6f, 1f, 5.25f, 5f, 7f}, out);
        Returns.gae(REWARDS, VALUES, TERMINATED, TRUNCATED, FINAL_VALUES, LAST_VALUES, 3, 2, 0.5, 0.0, out);
        assertArrayEquals(new float[] {1f, 6f, 1f, 3.5f, 5f, 7f}, out, "lambda 0: one-step TD errors");
    }

    @Test
    void gaeWithLambdaOneIsTheNStepReturnMinusTheValue() {
        SplittableRandom random = new SplittableRandom(1);
        int steps = 7;
        int envs = 3;
        float[] rewards = new float[steps * envs];
        float[] values = new float[steps * envs];
        float[] finalValues = new float[steps * envs];
        boolean[] terminated = new boolean[steps * envs];
        boolean[] truncated = new boolean[steps * envs];
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = (float) random.nextDouble(-1, 1);
            values[i] = (float) random.nextDouble(-1, 1);
            finalValues[i] = (float) random.nextDouble(-1, 1);
            terminated[i] = random.nextDouble() < 0.15;
            truncated[i] = !terminated[i] && random.nextDouble() < 0.15;
        }
        float[] last = {0.3f, -0.2f, 0.9f};
        float[] advantages = new float[rewards.length];
        float[] returns = new float[rewards.length];
        Returns.gae(rewards, values, terminated, truncated, finalValues, last, steps, envs, 0.9, 1.0, advantages);
        Returns.nStep(rewards, terminated, truncated, finalValues, last, steps, envs, 0.9, returns);
        for (int i = 0; i < rewards.length; i++) {
            assertEquals(returns[i], advantages[i] + values[i], 1e-5, "index " + i);
        }
    }

    @Test
    void normalizeGivesMeanZeroAndUnitStandardDeviation() {
        float[] values = {9, 1, 2, 3, 9};
        Returns.normalize(values, 1, 4);
        assertArrayEquals(new float[] {9, -1, 0, 1, 9}, values, 1e-6f);
    }
}
