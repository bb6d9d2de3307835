package io.rlarena.agent.pg;

import io.rlarena.agent.AgentFile;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.TestEnvs;
import io.rlarena.env.TimeLimit;
import io.rlarena.nn.NetworkSpec;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.Presets;
import io.rlarena.train.Progress;
import io.rlarena.train.RunConfig;
import io.rlarena.train.RunDirectory;
import io.rlarena.train.Trainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PPO, A2C and REINFORCE learn: exact oracles where they exist, fixed seeds, small budgets. */
class PolicyGradientLearningTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(PolicyGradientLearningTest.class.getClassLoader());
    private static final NetworkSpec SMALL = new NetworkSpec(List.of(16), "tanh");

    @TempDir
    Path dir;

    private EvalResult trainAndEvaluate(String algorithm, String env, Map<String, String> options, Path preset,
                                        Long steps, long seed, int episodes) {
        RunConfig config = Presets.resolve(new Presets.Request(env, options, algorithm, preset, List.of(), steps, seed))
                .config();
        RunDirectory run = new RunDirectory(dir.resolve(algorithm + "-" + seed));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        AgentFile.Contents agent = AgentFile.load(run.finishedAgent());
        try (Environment environment = Trainer.makeEnv(REGISTRY, agent.manifest().env().id(),
                agent.manifest().env().options(), agent.manifest().observation())) {
            return Evaluator.evaluate(environment, agent.policy(), episodes, 7);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ppo", "a2c", "reinforce"})
    void solvesDeterministicFrozenLakeOnTheShortestPath(String algorithm) {
        EvalResult result = trainAndEvaluate(algorithm, "FrozenLake-v1", Map.of("is_slippery", "false"), null, 20_000L,
                1, 10);
        assertEquals(1.0, result.exactSuccessRate(), 1e-12, "the greedy policy must reach the goal for sure");
        assertEquals(6.0, result.meanLength(), 1e-12, "the shortest path is 6 steps");
    }

    @Test
    void ppoPresetSolvesAPinnedMazeOnTheShortestPath() {
        EvalResult result = trainAndEvaluate("ppo", "Maze-v0", Map.of("size", "7", "level_seed", "3"), null, null, 1, 5);
        assertEquals(1.0, result.successRate());
        assertEquals(1.0, result.meanPathRatio(), 1e-12, "BFS shortest path");
    }

    @Test
    void ppoLearnsTicTacToeUnderTheLegalMoveMask() {
        RunConfig config = Presets.resolve(new Presets.Request("TicTacToe-v0", Map.of(), "ppo", null, List.of(), 20_000L,
                1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve("ttt"));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        AgentFile.Contents agent = AgentFile.load(run.agentFile());
        try (Environment env = REGISTRY.make("TicTacToe-v0", Map.of("opponent", "random", "side", "first"))) {
            EvalResult result = Evaluator.evaluate(env, agent.policy(), 1000, 11);
            // a random first player wins about 58% against random; illegal moves would lose at once
            assertTrue(result.successRate() >= 0.8, "wins against random as first player: " + result.successRate());
        }
    }

    @Test
    void actsOnlyUnderTheMaskAndLearnsTheLegalOptimum() {
        // TestEnvs.Masked throws on an illegal action, so sampling outside the mask fails the test
        PpoConfig config = new PpoConfig(3e-3, 4, 16, 32, 4, 0.9, 0.95, 0.2, true, 0.0, 0.5, 0.5, false, false, 1,
                SMALL);
        Ppo ppo = new Ppo(config, () -> new TimeLimit(new TestEnvs.Masked(), 20), 2);
        ppo.learn(3000, TrainingListener.NONE);
        assertEquals(0, ppo.act(new float[] {1f, 0f}, new boolean[] {true, false}));
        assertEquals(1, ppo.act(new float[] {0f, 1f}, new boolean[] {true, true}), "jump where it is legal");
    }

    @Test
    void truncationBootstrapsSoTheEndlessChainIsWorthOneOverOneMinusGamma() {
        // Reward 1 forever, cut at 10 steps: V = 1 / (1 - 0.9) = 10 only if the cut bootstraps
        // (treated as termination, V would average about 6 over the episode)
        A2cConfig config = new A2cConfig(3e-3, 4, 5, 0.9, false, 0.0, 0.5, 0.0, false, false, 1, SMALL);
        A2c a2c = new A2c(config, () -> new TimeLimit(new TestEnvs.Chain(), 10), 3);
        a2c.learn(20_000, TrainingListener.NONE);
        assertEquals(10.0, a2c.value(new float[] {1f}), 0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ppo", "a2c", "reinforce"})
    void trainsOnMazePlanesWithASharedConvolutionalTrunkAndReloads(String algorithm) throws Exception {
        Path preset = dir.resolve(algorithm + ".json");
        Files.writeString(preset, """
                {"algorithm": "%s", "steps": 300, "observation": "raw", "checkpoint_every": 100,
                 "hyperparameters": {"n_envs": 2, "shared_trunk": true,
                   "network": {"conv": [{"channels": 4, "kernel": 3, "stride": 1, "padding": 1}],
                               "hidden": [16], "activation": "relu"}}}
                """.formatted(algorithm));
        EvalResult result = trainAndEvaluate(algorithm, "Maze-v0", Map.of("size", "5"), preset, null, 1, 2);
        assertEquals(2, result.episodes());
        try (Environment window = Trainer.makeEnv(REGISTRY, "Maze-v0", Map.of("observation", "window"), "raw")) {
            AgentFile.Contents agent = AgentFile.load(new RunDirectory(dir.resolve(algorithm + "-1")).agentFile());
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Evaluator.evaluate(window, agent.policy(), 1, 1));
            assertTrue(e.getMessage().contains("takes 75 observation values"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    @Tag("slow")
    void ppoPresetBalancesCartPoleWithin100kSteps(long seed) {
        EvalResult result = trainAndEvaluate("ppo", "CartPole-v1", Map.of(), null, null, seed, 100);
        assertTrue(result.meanReturn() >= 475, "seed " + seed + ": mean return " + result.meanReturn());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    @Tag("slow")
    void a2cPresetBalancesCartPoleWithin100kSteps(long seed) {
        EvalResult result = trainAndEvaluate("a2c", "CartPole-v1", Map.of(), null, null, seed, 100);
        assertTrue(result.meanReturn() >= 475, "seed " + seed + ": mean return " + result.meanReturn());
    }

    @Test
    @Tag("slow")
    void ppoComesWithinTenPointsOfTheOptimumOnSlipperyFrozenLake8x8() {
        EvalResult result = trainAndEvaluate("ppo", "FrozenLake-v1", Map.of("map_name", "8x8"), null, null, 1, 100);
        assertTrue(result.optimalSuccessRate() - result.exactSuccessRate() <= 0.10,
                "exact success " + result.exactSuccessRate() + " vs optimum " + result.optimalSuccessRate());
    }
}
