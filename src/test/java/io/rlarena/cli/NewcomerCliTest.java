package io.rlarena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer reads: typos caught first, presets named, what is evaluated said, no meaningless columns. */
class NewcomerCliTest {

    @TempDir
    Path dir;

    @Test
    void aMistypedEnvironmentIsCaughtBeforeAnythingStartsWithASuggestion() {
        Cli train = Cli.run("train", "--env", "FrozenLak-v1", "--run-dir", dir.resolve("run").toString());
        assertEquals(2, train.exitCode());
        assertTrue(train.err().contains("did you mean FrozenLake-v1?"), train.err());
        assertEquals("", train.out(), "no 'train ... on' header before the error");
        assertFalse(Files.exists(dir.resolve("run")));
        Cli badOption = Cli.run("train", "--env", "FrozenLake-v1", "--env-opt", "slippery=false", "--run-dir",
                dir.resolve("run").toString());
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().contains("is_slippery"), "the valid options are listed: " + badOption.err());
        assertEquals("", badOption.out());
    }

    @Test
    void aPresetWrittenForAnotherEnvironmentIsNamedInAWarning() {
        Path preset = Path.of(System.getProperty("rlarena.root", "."), "agents", "dqn", "FrozenLake-v1.json");
        Cli train = Cli.run("train", "--env", "CliffWalking-v0", "--preset", preset.toString(), "--steps", "300",
                "--run-dir", dir.resolve("cliff").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("warning: " + preset + " is a preset for FrozenLake-v1, and this run is on "
                + "CliffWalking-v0"), train.err());
    }

    @Test
    void trainingSaysWhereItsEvaluationsGoAndCartPoleShowsNoSuccessRate() {
        Path run = dir.resolve("cartpole");
        Cli train = Cli.run("train", "--env", "CartPole-v1", "--agent", "a2c", "--steps", "3000", "--eval-every",
                "1500", "--seed", "1", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("evals:  every 1,500 steps") && train.out().contains("best.zip"), train.out());
        assertTrue(train.out().contains("best:  " + run.resolve("best.zip")), train.out());
        assertTrue(train.out().contains("| length "), "the episode length is shown: " + train.out());
        assertFalse(train.out().contains("success"), "CartPole has no goal to succeed at: " + train.out());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "2", "--seed", "1");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("agent " + run.resolve("best.zip")), eval.out());
        assertFalse(eval.out().contains("success"), eval.out());
        assertTrue(Cli.run("eval", "--help").out().contains("best.zip"), "eval --help says which agent --run uses");
    }

    @Test
    void optionsThatWouldBeIgnoredAreErrors() {
        Cli envs = Cli.run("envs", "--env-opt", "size=9");
        assertEquals(2, envs.exitCode());
        assertTrue(envs.err().contains("envs takes no --env-opt"), envs.err());
        Cli play = Cli.run("play", "--env", "TicTacToe-v0", "--opponent", "random", "--env-opt", "side=second");
        assertEquals(2, play.exitCode());
        assertTrue(play.err().contains("[side]") && play.err().contains("--side"), play.err());
        Cli replay = Cli.run("replay", "no-such.jsonl", "--env-opt", "whatever=1");
        assertEquals(2, replay.exitCode());
        assertTrue(replay.err().contains("replay takes no --env-opt"), replay.err());
    }
}
