package io.rlarena.agent.dqn;

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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DQN learns: checked against exact oracles (value iteration) with fixed seeds and the shipped presets. */
class DqnLearningTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(DqnLearningTest.class.getClassLoader());

    @TempDir
    Path dir;

    private EvalResult trainAndEvaluate(String env, Map<String, String> options, List<String> sets, Long steps) {
        return trainAndEvaluate(env, options, null, sets, steps);
    }

    private EvalResult trainAndEvaluate(String env, Map<String, String> options, Path preset, List<String> sets,
                                        Long steps) {
        RunConfig config = Presets.resolve(new Presets.Request(env, options, "dqn", preset, sets, steps, 1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        AgentFile.Contents agent = AgentFile.load(run.agentFile());
        try (Environment environment = Trainer.makeEnv(REGISTRY, agent.manifest().env().id(),
                agent.manifest().env().options(), agent.manifest().observation())) {
            return Evaluator.evaluate(environment, agent.policy(), 20, 7);
        }
    }

    @Test
    void solvesDeterministicFrozenLakeWithThePreset() {
        EvalResult result = trainAndEvaluate("FrozenLake-v1", Map.of("is_slippery", "false"), List.of(), null);
        assertEquals(1.0, result.exactSuccessRate(), 1e-12, "greedy policy must reach the goal for sure");
        assertEquals(1.0, result.successRate());
        assertEquals(6.0, result.meanLength(), 1e-12, "shortest path is 6 steps");
    }

    @Test
    void findsTheOptimalCliffWalkingPathWithThePreset() {
        EvalResult result = trainAndEvaluate("CliffWalking-v0", Map.of(), List.of(), null);
        assertEquals(-13.0, result.optimalReturn(), 1e-9);
        assertEquals(-13.0, result.exactReturn(), 1e-9);
        assertEquals(-13.0, result.meanReturn(), 1e-9);
    }

    @Test
    void mlpPresetSolvesAPinnedMazeOnTheShortestPath() {
        EvalResult result = trainAndEvaluate("Maze-v0", Map.of("size", "7", "level_seed", "3"),
                Path.of("agents/dqn/Maze-v0-mlp.json"), List.of(), 10_000L);
        assertEquals(1.0, result.successRate());
        assertEquals(1.0, result.meanPathRatio(), 1e-12);
    }

    /** Trains on 5x5 mazes (size=5, every level) with the preset {@code json}, seed 1; the saved agent. */
    private AgentFile.Contents trainOnSmallMazes(String name, String json) throws java.io.IOException {
        Path preset = dir.resolve(name + ".json");
        java.nio.file.Files.writeString(preset, json);
        RunConfig config = Presets.resolve(new Presets.Request("Maze-v0", Map.of("size", "5"), "dqn", preset, List.of(),
                null, 1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve(name));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        return AgentFile.load(run.agentFile());
    }

    @Test
    void convolutionalDqnSolvesEverySmallMazeFromItsPlanesOnTheShortestPath() throws Exception {
        AgentFile.Contents agent = trainOnSmallMazes("cnn5", """
                {"algorithm": "dqn", "steps": 4000, "observation": "raw", "checkpoint_every": 0,
                 "hyperparameters": {"learning_rate": 0.001, "gamma": 0.9, "learning_starts": 200, "batch_size": 32,
                   "buffer_size": 4000, "train_freq": 2, "target_update_interval": 250,
                   "exploration_fraction": 0.5, "exploration_final_eps": 0.05,
                   "network": {"conv": [{"channels": 8, "kernel": 3, "stride": 1, "padding": 1}],
                               "hidden": [32], "activation": "relu", "dueling": true}}}
                """);
        // Other level seeds than training drew; 5x5 mazes have only four layouts, so this checks that
        // the network reads the way from the planes, not generalisation to new layouts (results/maze-cnn.md does).
        try (Environment unseen = Trainer.makeEnv(REGISTRY, "Maze-v0",
                Map.of("size", "5", "start_level", "1000000", "num_levels", "100"), "raw")) {
            EvalResult result = Evaluator.evaluate(unseen, agent.policy(), 50, 1);
            assertEquals(1.0, result.successRate());
            assertEquals(1.0, result.meanPathRatio(), 1e-12);
        }
    }

    @Test
    void convolutionalDuelingDqnTrainsOnMazePlanesAndReloads() throws Exception {
        AgentFile.Contents agent = trainOnSmallMazes("cnn", """
                {"algorithm": "dqn", "steps": 400, "observation": "raw", "checkpoint_every": 200,
                 "hyperparameters": {"learning_starts": 100, "batch_size": 16, "buffer_size": 1000,
                   "network": {"conv": [{"channels": 8, "kernel": 3, "stride": 1, "padding": 1}],
                               "hidden": [32], "activation": "relu", "dueling": true}}}
                """);
        try (Environment maze = Trainer.makeEnv(REGISTRY, "Maze-v0", agent.manifest().env().options(), "raw")) {
            EvalResult result = Evaluator.evaluate(maze, agent.policy(), 2, 1);
            assertEquals(2, result.episodes());
        }
        try (Environment window = Trainer.makeEnv(REGISTRY, "Maze-v0", Map.of("observation", "window"), "raw")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Evaluator.evaluate(window, agent.policy(), 1, 1));
            assertTrue(e.getMessage().contains("takes 75 observation values"), e.getMessage());
        }
    }

    @Test
    void truncationBootstrapsSoTheEndlessChainIsWorthOneOverOneMinusGamma() {
        // Reward 1 forever, cut at 10 steps. Treating the cut as termination would give Q of about
        // 6 (the average over the 10 steps); bootstrapping correctly gives 1 / (1 - 0.9) = 10.
        DqnConfig config = new DqnConfig(3e-3, 0.9, 32, 5000, 100, 1, 1, 50, 1.0, true, 0.1, 1.0, 0.0, 1.0, 1, 1, false,
                new NetworkSpec(List.of(16), "relu"));
        Dqn dqn = new Dqn(config, new TimeLimit(new TestEnvs.Chain(), 10), 3);
        dqn.learn(4000, TrainingListener.NONE);
        float[] q = dqn.qValues(new float[] {1f});
        assertEquals(10.0, q[0], 0.7);
        assertEquals(10.0, q[1], 0.7);
    }

    @Test
    void aCheckpointRestoresTheSoftTargetNetworkAsItWas() throws Exception {
        // tau < 1: the target lags the online network, so restarting it as the online copy would change training
        DqnConfig config = new DqnConfig(3e-3, 0.9, 32, 5000, 100, 1, 1, 1, 0.05, true, 0.1, 1.0, 0.0, 1.0, 1, 1, false,
                new NetworkSpec(List.of(16), "relu"));
        Dqn dqn = new Dqn(config, new TimeLimit(new TestEnvs.Chain(), 10), 3);
        dqn.learn(600, TrainingListener.NONE);
        java.io.ByteArrayOutputStream state = new java.io.ByteArrayOutputStream();
        dqn.writeState(new java.io.DataOutputStream(state));
        Dqn restored = new Dqn(config, new TimeLimit(new TestEnvs.Chain(), 10), 3);
        restored.restore(dqn.modelBytes(true), new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(state.toByteArray())), 600);
        float[] before = targetWeights(dqn);
        assertFalse(java.util.Arrays.equals(before, onlineWeights(dqn)), "the fixture's target must lag the online network");
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, targetWeights(restored));
        org.junit.jupiter.api.Assertions.assertArrayEquals(onlineWeights(dqn), onlineWeights(restored));
    }

    private static float[] targetWeights(Dqn dqn) throws Exception {
        return weights(dqn, "target");
    }

    private static float[] onlineWeights(Dqn dqn) throws Exception {
        return weights(dqn, "online");
    }

    private static float[] weights(Dqn dqn, String field) throws Exception {
        java.lang.reflect.Field network = Dqn.class.getDeclaredField(field);
        network.setAccessible(true);
        return ((io.rlarena.nn.Network) network.get(dqn)).params().toFloatVector();
    }

    @Test
    void actsOnlyUnderTheMaskAndLearnsTheLegalOptimum() {
        // The masked action has the highest value where it is illegal (it would end the episode
        // with reward 1); exploring or acting greedily on it would throw.
        DqnConfig config = new DqnConfig(3e-3, 0.9, 32, 2000, 100, 1, 1, 50, 1.0, true, 0.3, 1.0, 0.05, 1.0, 1, 1, false,
                new NetworkSpec(List.of(16), "relu"));
        TimeLimit env = new TimeLimit(new TestEnvs.Masked(), 20);
        Dqn dqn = new Dqn(config, env, 4);
        dqn.learn(2000, TrainingListener.NONE);
        assertEquals(0, dqn.act(new float[] {1f, 0f}, new boolean[] {true, false}));
        assertEquals(1, dqn.act(new float[] {0f, 1f}, new boolean[] {true, true}));
        float[] q = dqn.qValues(new float[] {1f, 0f});
        assertEquals(0.9, q[0], 0.15, "cell 0: move, then jump: 0.9");
    }

    @Test
    void fourCopiesInLockstepShareTheStepBudgetAndLearnTheLegalOptimum() {
        DqnConfig config = new DqnConfig(3e-3, 0.9, 32, 2000, 100, 1, 1, 50, 1.0, true, 0.3, 1.0, 0.05, 1.0, 1, 4, false,
                new NetworkSpec(List.of(16), "relu"));
        List<int[]> stepsPerCopy = new java.util.ArrayList<>();
        Dqn dqn = new Dqn(config, () -> {
            int[] count = new int[1];
            stepsPerCopy.add(count);
            return new TimeLimit(new io.rlarena.env.Wrapper(new TestEnvs.Masked()) {
                @Override
                public io.rlarena.env.Step step(int action) {
                    count[0]++;
                    return env.step(action);
                }
            }, 20);
        }, 4);
        long[] lastStep = new long[1];
        dqn.learn(2002, new TrainingListener() {
            @Override
            public void onStep(long step) {
                assertEquals(lastStep[0] + 1, step, "steps are reported once each, in order");
                lastStep[0] = step;
            }
        });
        assertEquals(2002, lastStep[0]);
        assertEquals(4, stepsPerCopy.size());
        // 500 full vector steps, then the budget's last 2 steps go to the first two copies
        assertEquals(List.of(501, 501, 500, 500), stepsPerCopy.stream().map(c -> c[0]).toList());
        assertEquals(0, dqn.act(new float[] {1f, 0f}, new boolean[] {true, false}));
        assertEquals(1, dqn.act(new float[] {0f, 1f}, new boolean[] {true, true}));
        assertEquals(0.9, dqn.qValues(new float[] {1f, 0f})[0], 0.15, "cell 0: move, then jump: 0.9");
    }

    @Test
    void mirroredTransitionsDoubleWhatIsStoredOnlyWhereTheGameIsSymmetric() throws Exception {
        DqnConfig plain = new DqnConfig(1e-3, 0.9, 32, 5000, 100, 4, 1, 50, 1.0, true, 0.5, 1.0, 0.05, 1.0, 2, 1, false,
                new NetworkSpec(List.of(16), "relu"));
        DqnConfig mirrored = new DqnConfig(1e-3, 0.9, 32, 5000, 100, 4, 1, 50, 1.0, true, 0.5, 1.0, 0.05, 1.0, 2, 1,
                true, new NetworkSpec(List.of(16), "relu"));
        int[] stored = new int[2];
        for (DqnConfig config : List.of(plain, mirrored)) {
            try (Environment game = Trainer.makeEnv(REGISTRY, "TicTacToe-v0", Map.of("opponent", "random"), "raw")) {
                Dqn dqn = new Dqn(config, game, 6);
                dqn.learn(300, TrainingListener.NONE);
                stored[config.mirrorTransitions() ? 1 : 0] = dqn.storedTransitions();
            }
        }
        // the replay buffer holds every transition twice over (300 steps, less any still in a 2-step window)
        assertEquals(300, stored[0], 1);
        assertEquals(2 * stored[0], stored[1]);

        for (String id : List.of("CartPole-v1", "Othello-v0")) {
            try (Environment env = Trainer.makeEnv(REGISTRY, id, Map.of(), "raw")) {
                IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> new Dqn(mirrored, env, 6));
                assertTrue(e.getMessage().contains("dqn.mirror_transitions: " + id + " has no left-right symmetry"),
                        e.getMessage());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    @Tag("slow")
    void presetBalancesCartPoleWithin50kStepsWithItsBestAgent(long seed) {
        RunConfig config = Presets.resolve(new Presets.Request("CartPole-v1", Map.of(), "dqn", null, List.of(), null,
                seed)).config();
        RunDirectory run = new RunDirectory(dir.resolve("cartpole-" + seed));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        AgentFile.Contents agent = AgentFile.load(run.finishedAgent());
        try (Environment environment = Trainer.makeEnv(REGISTRY, "CartPole-v1", Map.of(), "raw")) {
            EvalResult result = Evaluator.evaluate(environment, agent.policy(), 100, 1);
            assertTrue(result.meanReturn() >= 475, "seed " + seed + ": mean return " + result.meanReturn());
        }
    }

    @Test
    @Tag("slow")
    void slipperyFrozenLakeComesWithinFivePointsOfTheOptimum() {
        EvalResult result = trainAndEvaluate("FrozenLake-v1", Map.of(), List.of(), null);
        assertTrue(result.optimalSuccessRate() - result.exactSuccessRate() <= 0.05,
                "exact success " + result.exactSuccessRate() + " vs optimum " + result.optimalSuccessRate());
    }
}
