package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that crashes after a checkpoint and is resumed ends exactly as the uninterrupted run:
 * the same metrics.csv learning columns, byte for byte, and the same final weights. The
 * environments have randomness of their own (the slippery lake, a random opponent playing either
 * side), which the resumed copies must continue too.
 */
class ExactResumeTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(ExactResumeTest.class.getClassLoader());

    @TempDir
    Path dir;

    /** The crash: progress is reported from the step listener, so throwing there stops training where it is. */
    private static final class CrashAt implements Progress {
        private final long step;

        CrashAt(long step) {
            this.step = step;
        }

        @Override
        public void update(long at, String status) {
            if (at >= step) {
                throw new IllegalStateException("simulated crash at step " + at);
            }
        }

        @Override
        public void note(String message) {
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = ';', value = {
            "dqn; FrozenLake-v1; is_slippery=true; 3000; learning_starts=200,n_envs=1; 2300",
            "dqn; TicTacToe-v0; opponent=random,side=alternate; 3000; learning_starts=200,n_envs=4,n_steps=3,eval_every=750,eval_episodes=3; 2300",
            "ppo; FrozenLake-v1; is_slippery=true; 6144; n_envs=4,n_steps=128,n_epochs=2; 4600",
            "a2c; FrozenLake-v1; is_slippery=true; 4000; n_envs=4,n_steps=8; 3100",
            "reinforce; FrozenLake-v1; is_slippery=true; 4000; n_envs=4; 3100",
            "alphazero; TicTacToe-v0; opponent=random,side=alternate; 3000; simulations=8,parallel_games=8,games_per_iteration=16,train_steps=10,gate_games=4,eval_every=1000,eval_episodes=3; 2300"})
    void aCrashedRunResumesToTheUninterruptedRunsExactResult(String agent, String env, String options, long steps,
                                                             String sets, long crashAt) throws Exception {
        Map<String, String> envOptions = new java.util.TreeMap<>();
        for (String option : options.split(",")) {
            envOptions.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
        }
        List<String> settings = new java.util.ArrayList<>(Arrays.asList(sets.split(",")));
        settings.add("checkpoint_every=1000");
        RunConfig config = Presets.resolve(new Presets.Request(env, envOptions, agent, null, settings, steps, 3L))
                .config();

        RunDirectory whole = new RunDirectory(dir.resolve("whole"));
        Trainer.train(config, REGISTRY, whole, Progress.NONE);

        RunDirectory crashed = new RunDirectory(dir.resolve("crashed"));
        assertThrows(IllegalStateException.class, () -> Trainer.train(config, REGISTRY, crashed, new CrashAt(crashAt)));
        assertFalse(Files.exists(crashed.agentFile()));
        assertFalse(crashed.checkpoints().isEmpty(), "a checkpoint before the crash");
        Trainer.resume(crashed, REGISTRY, Progress.NONE);

        assertEquals(learningColumns(whole), learningColumns(crashed), "metrics.csv learning columns");
        Path evaluations = whole.path().resolve(RunDirectory.EVALUATIONS);
        if (Files.exists(evaluations)) { // the evaluations play the same sides and games, and keep the same best agent
            assertEquals(Files.readAllLines(evaluations), Files.readAllLines(crashed.path().resolve(RunDirectory.EVALUATIONS)));
            assertArrayEquals(coefficients(whole.bestFile()), coefficients(crashed.bestFile()), "best.zip");
        }
        assertArrayEquals(coefficients(whole.agentFile()), coefficients(crashed.agentFile()), "final weights");
        assertTrue(learningColumns(whole).size() > 20, "enough episodes to compare");
    }

    private static List<String> learningColumns(RunDirectory run) throws Exception {
        return Files.readAllLines(run.metricsFile()).stream().map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
    }

    /** The network's weights as DL4J stored them in the agent file. */
    private static byte[] coefficients(Path agentFile) throws Exception {
        byte[] model = AgentFile.load(agentFile).model();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(model))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("coefficients.bin")) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError("no coefficients in " + agentFile);
    }
}
