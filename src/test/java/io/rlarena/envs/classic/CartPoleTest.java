package io.rlarena.envs.classic;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Step;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CartPole-v1 against steps worked out from Gymnasium's equations. */
class CartPoleTest {

    @Test
    void eulerStepsMatchHandComputedValues() {
        // temp = (10 + 0.05 * 0.04^2 * sin 0.03) / 1.1; thetaAcc = (9.8 sin 0.03 - cos 0.03 * temp)
        // / (0.5 (4/3 - 0.1 cos^2 0.03 / 1.1)) = -14.1534...; xAcc = temp - 0.05 thetaAcc cos 0.03 / 1.1
        double[] s = {0.01, -0.02, 0.03, 0.04};
        CartPole.advance(s, 1);
        assertArrayEquals(new double[] {0.0096, 0.17467919574755525, 0.0308, -0.2430687179600081}, s, 1e-15);
        CartPole.advance(s, 0);
        assertArrayEquals(new double[] {0.013093583914951107, -0.020868848948191993, 0.025938625640799837,
                0.0591679999394166}, s, 1e-15);
    }

    @Test
    void observationsAreTheStateAsFloats() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(0.01, -0.02, 0.03, 0.04);
        Step step = env.step(1);
        assertArrayEquals(new float[] {0.0096f, 0.17467919574755525f, 0.0308f, -0.2430687179600081f},
                step.observation());
        assertEquals(1.0, step.reward());
        assertFalse(step.done());
    }

    @Test
    void theStepThatTipsThePoleStillPaysOneAndTerminates() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(0, 0, 0.2094, 2.0); // just inside 12 degrees, falling right
        Step step = env.step(1);
        assertTrue(step.terminated());
        assertEquals(1.0, step.reward());
        assertFalse(step.success());
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.setState(2.39, 1.0, 0, 0); // the cart leaves the track
        assertTrue(env.step(1).terminated());
        assertThrows(IllegalArgumentException.class, () -> env.step(2));
    }

    @Test
    void resetsAreUniformInAFivePercentBoxAndSeeded() {
        CartPole env = new CartPole();
        float[] first = env.reset(3).observation();
        for (int i = 0; i < 1000; i++) {
            for (float v : env.reset().observation()) {
                assertTrue(v >= -0.05f && v <= 0.05f);
            }
        }
        assertArrayEquals(first, new CartPole().reset(3).observation());
    }

    @Test
    void registeredWithItsFiveHundredStepLimit() {
        Environment env = EnvRegistry.load(getClass().getClassLoader()).make("CartPole-v1", Map.of());
        assertEquals(500, env.spec().maxEpisodeSteps());
        env.reset(1);
        CartPole bare = (CartPole) io.rlarena.env.Wrapper.unwrap(env);
        Step last = null;
        for (int t = 0; t < 500; t++) {
            bare.setState(0, 0, 0, 0); // keep it balanced
            last = env.step(t % 2);
            assertEquals(t == 499, last.truncated(), "step " + t);
        }
        assertFalse(last.terminated());
    }
}
