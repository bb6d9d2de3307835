package io.rlarena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.env.TestEnvs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and output of the commands: 0 ok, 1 failure, 2 bad input. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void envsListsTheBuiltInsAsJson() {
        Cli result = Cli.run("envs", "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonArray envs = Json.GSON.fromJson(result.out(), JsonArray.class);
        JsonObject lake = envs.asList().stream().map(e -> e.getAsJsonObject())
                .filter(e -> e.get("id").getAsString().equals("FrozenLake-v1")).findFirst().orElseThrow();
        assertEquals("Discrete[n=16]", lake.get("observation_space").getAsString());
        assertEquals(100, lake.get("max_episode_steps").getAsInt());
        assertTrue(Cli.run("envs").out().contains("--env-opt is_slippery=true"));
    }

    @Test
    void helpShowsDefaults() {
        Cli result = Cli.run("train", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Default: dqn"), result.out());
    }

    @Test
    void trainThenEvalEndToEnd() {
        Path run = dir.resolve("run");
        Cli train = Cli.run("train", "--env", "FrozenLake-v1", "--env-opt", "is_slippery=false", "--steps", "600",
                "--seed", "1", "--set", "learning_starts=100", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("done: 600 steps"), train.out());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "5", "--seed", "2", "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonObject json = Json.GSON.fromJson(eval.out(), JsonObject.class);
        for (String key : new String[] {"episodes", "mean_return", "std_return", "success_rate", "mean_length",
                "optimal_return", "optimal_success_rate"}) {
            assertTrue(json.has(key), "missing " + key + " in " + json);
        }
        assertEquals(5, json.get("episodes").getAsInt());
        assertEquals(1.0, json.get("optimal_return").getAsDouble());
        Cli text = Cli.run("eval", "--agent-file", run.resolve("agent.zip").toString(), "--episodes", "2", "--seed", "2");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("optimum (value iteration)"), text.out());
        Cli otherMap = Cli.run("eval", "--run", run.toString(), "--env-opt", "map_name=8x8", "--episodes", "1");
        assertEquals(2, otherMap.exitCode());
        assertTrue(otherMap.err().contains("takes 16 observation values"), otherMap.err());
        Cli again = Cli.run("train", "--env", "FrozenLake-v1", "--steps", "10", "--run-dir", run.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already holds a run"), again.err());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhatIsWrong() throws Exception {
        assertBadInput("unknown environment 'Nope-v0'", "train", "--env", "Nope-v0", "--steps", "10");
        assertBadInput("valid keys:", "train", "--env", "FrozenLake-v1", "--set", "bogus=1");
        assertBadInput("batch_size=x", "train", "--env", "FrozenLake-v1", "--set", "batch_size=x");
        assertBadInput("map_name=5x5", "train", "--env", "FrozenLake-v1", "--env-opt", "map_name=5x5");
        assertBadInput("unknown agent 'sarsa'", "train", "--env", "FrozenLake-v1", "--agent", "sarsa");
        assertBadInput("train needs --env ID (or --resume RUN", "train");
        assertBadInput("--resume RUN continues the run with its own config.json", "train", "--resume", "runs/x",
                "--steps", "5");
        assertBadInput("(--run=DIR | --agent-file=FILE)", "eval");
        assertBadInput("does not exist", "eval", "--agent-file", dir.resolve("none.zip").toString());
        Path truncated = dir.resolve("cut.zip");
        byte[] golden = getClass().getResourceAsStream("/golden/frozenlake-4x4-deterministic-dqn.agent.zip").readAllBytes();
        Files.write(truncated, Arrays.copyOf(golden, 1000));
        assertBadInput("damaged or truncated", "eval", "--agent-file", truncated.toString());
        assertBadInput("holds no agent.zip", "eval", "--run", dir.toString());
        assertBadInput("no such jar or folder", "envs", "--plugin", dir.resolve("missing.jar").toString());
    }

    private static void assertBadInput(String expected, String... args) {
        Cli result = Cli.run(args);
        assertEquals(2, result.exitCode(), String.join(" ", args) + "\n" + result.out() + result.err());
        assertTrue(result.err().contains(expected), "expected '" + expected + "' in: " + result.err());
    }

    @Test
    void checkEnvPassesGoodEnvsAndFailsBrokenOnes() {
        Cli good = Cli.run("check-env", "FrozenLake-v1", "--env-opt", "map_name=8x8");
        assertEquals(0, good.exitCode(), good.out() + good.err());
        assertTrue(good.out().startsWith("OK   FrozenLake-v1"), good.out());
        assertEquals(0, Cli.run("check-env", "--all").exitCode());
        Cli broken = Cli.run("check-env", TestEnvs.OutOfSpace.class.getName());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.out().contains("PROBLEM:") && broken.out().contains("outside the observation space"),
                broken.out());
        assertEquals(2, Cli.run("check-env").exitCode());
    }
}
