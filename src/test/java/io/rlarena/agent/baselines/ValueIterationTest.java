package io.rlarena.agent.baselines;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.TabularModel;
import io.rlarena.env.Wrapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueIterationTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(ValueIterationTest.class.getClassLoader());

    private static TabularModel model(String id, Map<String, String> options) {
        return (TabularModel) Wrapper.unwrap(REGISTRY.make(id, options));
    }

    @Test
    void slipperyFrozenLakeValuesMatchThePublishedOnes() {
        // The well-known optimal values of FrozenLake 4x4 (slippery) at gamma = 0.99.
        double[] expected = {0.542, 0.499, 0.471, 0.457, 0.558, 0, 0.358, 0, 0.592, 0.643, 0.615, 0, 0, 0.742, 0.863, 0};
        ValueIteration.Solution solution = ValueIteration.solve(model("FrozenLake-v1", Map.of()), 0.99, 1e-10);
        assertArrayEquals(expected, solution.values(), 1e-3);
        int[] policy = {0, 3, 3, 3, 0, -1, 0, -1, 3, 1, 0, -1, -1, 2, 1, -1};
        for (int s = 0; s < policy.length; s++) {
            if (policy[s] >= 0) {
                assertEquals(policy[s], solution.policy()[s], "state " + s);
            }
        }
    }

    @Test
    void bestSuccessWithinTheTimeLimitIsAboutSeventyFourPercent() {
        ValueIteration.Outcome optimal = ValueIteration.optimal(model("FrozenLake-v1", Map.of()), 100);
        assertEquals(0.74, optimal.successRate(), 0.01);
        assertEquals(optimal.successRate(), optimal.expectedReturn(), 1e-12);
        // With no limit to speak of, the optimal policy's success tends to 0.824.
        assertEquals(0.824, ValueIteration.optimal(model("FrozenLake-v1", Map.of()), 5000).successRate(), 0.002);
    }

    @Test
    void cliffWalkingOptimumIsThirteenSteps() {
        TabularModel cliff = model("CliffWalking-v0", Map.of());
        ValueIteration.Outcome optimal = ValueIteration.optimal(cliff, 200);
        assertEquals(-13.0, optimal.expectedReturn(), 1e-9);
        assertEquals(1.0, optimal.successRate(), 1e-9);
    }

    @Test
    void exactPolicyEvaluationOfTheSafePath() {
        // Up to the top row, right along it, then down: 3 + 11 + 3 = 17 steps of -1.
        TabularModel cliff = model("CliffWalking-v0", Map.of());
        ValueIteration.Outcome safe = ValueIteration.evaluate(cliff, s -> {
            int row = s / 12;
            int col = s % 12;
            if (col == 11) {
                return 2; // down
            }
            return row == 0 ? 1 : 0; // right along the top, else up
        }, 200);
        assertEquals(-17.0, safe.expectedReturn(), 1e-9);
        assertEquals(1.0, safe.successRate(), 1e-9);
        ValueIteration.Outcome suicidal = ValueIteration.evaluate(cliff, s -> 1, 50); // always right: falls forever
        assertEquals(-100.0 * 50, suicidal.expectedReturn(), 1e-9);
        assertEquals(0.0, suicidal.successRate(), 1e-9);
    }
}
