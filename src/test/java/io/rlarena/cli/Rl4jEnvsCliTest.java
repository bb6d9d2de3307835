package io.rlarena.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RL4J environments through the command line: RL4J's bundled MDPs, and MDPs a user compiled
 * outside the tree against RL4J alone (as an RL4J program's author would), plugged in with
 * {@code --plugin} and no rlarena rebuild.
 */
class Rl4jEnvsCliTest {

    private static final String CARTPOLE = "rl4j:org.deeplearning4j.rl4j.mdp.CartpoleNative";

    /** A corridor of 6 cells, a random start in the left half (a java.util.Random field), +1 for reaching the right end. */
    private static final String CORRIDOR = """
            package example.rl4j;

            import org.deeplearning4j.gym.StepReply;
            import org.deeplearning4j.rl4j.mdp.MDP;
            import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
            import org.deeplearning4j.rl4j.space.Box;
            import org.deeplearning4j.rl4j.space.DiscreteSpace;
            import org.deeplearning4j.rl4j.space.ObservationSpace;
            import java.util.Random;

            public class CorridorMdp implements MDP<Box, Integer, DiscreteSpace> {
                private final Random random = new Random();
                private int position;

                public DiscreteSpace getActionSpace() { return new DiscreteSpace(2); }
                public ObservationSpace<Box> getObservationSpace() { return new ArrayObservationSpace<>(new int[] {6}); }
                public Box reset() { position = random.nextInt(3); return observation(); }
                public StepReply<Box> step(Integer action) {
                    position = Math.max(0, Math.min(5, position + (action == 1 ? 1 : -1)));
                    return new StepReply<>(observation(), isDone() ? 1 : 0, isDone(), null);
                }
                public boolean isDone() { return position == 5; }
                public void close() { }
                public CorridorMdp newInstance() { return new CorridorMdp(); }
                private Box observation() { double[] cells = new double[6]; cells[position] = 1; return new Box(cells); }
            }
            """;

    private static final String NOT_AN_MDP = """
            package example.rl4j;
            public class NotAnMdp { }
            """;

    private static final String CONTINUOUS = """
            package example.rl4j;

            import org.deeplearning4j.gym.StepReply;
            import org.deeplearning4j.rl4j.mdp.MDP;
            import org.deeplearning4j.rl4j.space.ActionSpace;
            import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
            import org.deeplearning4j.rl4j.space.Box;
            import org.deeplearning4j.rl4j.space.ObservationSpace;

            public class ContinuousMdp implements MDP<Box, Double, ContinuousMdp.Force> {
                public static class Force implements ActionSpace<Double> {
                    public Double randomAction() { return 0.0; }
                    public Object encode(Double action) { return action; }
                    public int getSize() { return 1; }
                    public Double noOp() { return 0.0; }
                }
                public Force getActionSpace() { return new Force(); }
                public ObservationSpace<Box> getObservationSpace() { return new ArrayObservationSpace<>(new int[] {1}); }
                public Box reset() { return new Box(0.0); }
                public StepReply<Box> step(Double force) { return new StepReply<>(new Box(force), 0, false, null); }
                public boolean isDone() { return false; }
                public void close() { }
                public ContinuousMdp newInstance() { return new ContinuousMdp(); }
            }
            """;

    /** Declares 2 observation values, and gives one more after each step. */
    private static final String GROWING = """
            package example.rl4j;

            import org.deeplearning4j.gym.StepReply;
            import org.deeplearning4j.rl4j.mdp.MDP;
            import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
            import org.deeplearning4j.rl4j.space.Box;
            import org.deeplearning4j.rl4j.space.DiscreteSpace;
            import org.deeplearning4j.rl4j.space.ObservationSpace;

            public class GrowingMdp implements MDP<Box, Integer, DiscreteSpace> {
                private int steps;
                public DiscreteSpace getActionSpace() { return new DiscreteSpace(2); }
                public ObservationSpace<Box> getObservationSpace() { return new ArrayObservationSpace<>(new int[] {2}); }
                public Box reset() { steps = 0; return new Box(new double[2]); }
                public StepReply<Box> step(Integer action) { steps++; return new StepReply<>(new Box(new double[2 + steps]), 0, false, null); }
                public boolean isDone() { return false; }
                public void close() { }
                public GrowingMdp newInstance() { return new GrowingMdp(); }
            }
            """;

    /** Draws from Math.random: nothing for reset(seed) to reseed. */
    private static final String UNSEEDABLE = """
            package example.rl4j;

            import org.deeplearning4j.gym.StepReply;
            import org.deeplearning4j.rl4j.mdp.MDP;
            import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
            import org.deeplearning4j.rl4j.space.Box;
            import org.deeplearning4j.rl4j.space.DiscreteSpace;
            import org.deeplearning4j.rl4j.space.ObservationSpace;

            public class CoinMdp implements MDP<Box, Integer, DiscreteSpace> {
                private int steps;
                public DiscreteSpace getActionSpace() { return new DiscreteSpace(2); }
                public ObservationSpace<Box> getObservationSpace() { return new ArrayObservationSpace<>(new int[] {1}); }
                public Box reset() { steps = 0; return new Box(Math.random()); }
                public StepReply<Box> step(Integer action) { steps++; return new StepReply<>(new Box(Math.random()), action, isDone(), null); }
                public boolean isDone() { return steps == 10; }
                public void close() { }
                public CoinMdp newInstance() { return new CoinMdp(); }
            }
            """;

    @TempDir
    static Path plugin;

    @TempDir
    static Path runs;

    @BeforeAll
    static void compileTheUsersMdps() throws Exception {
        Path sources = runs.resolve("sources");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", plugin.toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : Map.of("CorridorMdp", CORRIDOR, "NotAnMdp", NOT_AN_MDP,
                "ContinuousMdp", CONTINUOUS, "GrowingMdp", GROWING, "CoinMdp", UNSEEDABLE).entrySet()) {
            Path file = sources.resolve("example/rl4j/" + source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the user's MDPs compile");
    }

    @Test
    void rl4jsBundledEnvironmentsPassTheChecker() {
        Cli cartpole = Cli.run("check-env", CARTPOLE);
        assertEquals(0, cartpole.exitCode(), cartpole.out() + cartpole.err());
        assertTrue(cartpole.out().contains("observations Box[4], actions Discrete[n=2]")
                && cartpole.out().contains("identical rollouts"), "reseeded through its java.util.Random: " + cartpole.out());
        // RL4J's newer Environment API; its generator is ND4J's, which does not reseed reproducibly
        Cli newApi = Cli.run("check-env", "rl4j:org.deeplearning4j.rl4j.mdp.CartpoleEnvironment");
        assertEquals(0, newApi.exitCode(), newApi.out() + newApi.err());
        assertTrue(newApi.out().contains("WARNING: not seedable") && newApi.out().contains("ND4J Random in its field(s) [rnd]"),
                newApi.out());
        Cli toy = Cli.run("check-env", "rl4j:org.deeplearning4j.rl4j.mdp.toy.SimpleToy", "--env-opt", "args=20");
        assertEquals(0, toy.exitCode(), toy.out() + toy.err());
        Cli noArgs = Cli.run("check-env", "rl4j:org.deeplearning4j.rl4j.mdp.toy.SimpleToy");
        assertEquals(2, noArgs.exitCode());
        assertTrue(noArgs.err().contains("SimpleToy(int)") && noArgs.err().contains("args"), noArgs.err());
    }

    @Test
    void ppoPresetBalancesRl4jsCartpole() {
        Path run = runs.resolve("cartpole-ppo");
        Cli train = Cli.run("train", "--env", CARTPOLE, "--agent", "ppo", "--seed", "1", "--steps", "30000",
                "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        assertTrue(train.out().contains("agents/ppo/rl4j/org.deeplearning4j.rl4j.mdp.CartpoleNative.json"), train.out());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "10", "--seed", "7", "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(meanReturn(eval.out()) >= 475, eval.out());
    }

    @Test
    @Tag("slow")
    void dqnPresetBalancesRl4jsCartpole() {
        Path run = runs.resolve("cartpole-dqn");
        Cli train = Cli.run("train", "--env", CARTPOLE, "--agent", "dqn", "--seed", "1", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "10", "--seed", "7", "--json");
        assertTrue(meanReturn(eval.out()) >= 475, eval.out());
    }

    @Test
    void rl4jsToysTrainThroughTheCli() {
        // HardDeteministicToy: 19 steps, +1 for the index of the largest of 10 values; 19 is the optimum
        Path hard = runs.resolve("hard-toy");
        Cli train = Cli.run("train", "--env", "rl4j:org.deeplearning4j.rl4j.mdp.toy.HardDeteministicToy", "--agent", "dqn",
                "--seed", "1", "--steps", "5000", "--run-dir", hard.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        Cli eval = Cli.run("eval", "--run", hard.toString(), "--episodes", "2", "--json");
        assertEquals(19.0, meanReturn(eval.out()), eval.out());
        // SimpleToy(20): 20 steps, +1 for the action matching the step's parity, which the observation 20 - step
        // encodes as a raw number; episodes end by the MDP's own isDone(), never by the time limit
        Path simple = runs.resolve("simple-toy");
        Cli toy = Cli.run("train", "--env", "rl4j:org.deeplearning4j.rl4j.mdp.toy.SimpleToy", "--env-opt", "args=20",
                "--agent", "ppo", "--seed", "1", "--steps", "2000", "--run-dir", simple.toString());
        assertEquals(0, toy.exitCode(), toy.out() + toy.err());
        Cli episodes = Cli.run("eval", "--run", simple.toString(), "--episodes", "3", "--json", "--record",
                simple.resolve("episodes.jsonl").toString());
        assertEquals(20.0, meanLength(episodes.out()), episodes.out());
        assertTrue(episodes.out().contains("\"truncated\": 0"), episodes.out());
        Cli replay = Cli.run("replay", simple.resolve("episodes.jsonl").toString(), "--verify");
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
    }

    @Test
    void aUsersMdpTrainsThroughThePluginWithoutRebuildingRlarena() {
        Path run = runs.resolve("corridor");
        Cli check = Cli.run("check-env", "rl4j:example.rl4j.CorridorMdp", "--plugin", plugin.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("identical rollouts"), check.out());
        Cli train = Cli.run("train", "--env", "rl4j:example.rl4j.CorridorMdp", "--plugin", plugin.toString(),
                "--agent", "ppo", "--seed", "3", "--steps", "4000", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "20", "--seed", "2", "--json", "--record",
                run.resolve("episodes.jsonl").toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertEquals(1.0, meanReturn(eval.out()), "walks right to the end: " + eval.out());
        assertTrue(meanLength(eval.out()) <= 5, "the shortest way from cells 0-2 is 3 to 5 steps: " + eval.out());
        Cli replay = Cli.run("replay", run.resolve("episodes.jsonl").toString(), "--verify", "--plugin", plugin.toString());
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
    }

    @Test
    void anUnseedableMdpPassesTheCheckerWithAWarning() {
        Cli check = Cli.run("check-env", "rl4j:example.rl4j.CoinMdp", "--plugin", plugin.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("WARNING: not seedable") && check.out().contains("example.rl4j.CoinMdp has no "
                + "setSeed(long)"), check.out());
    }

    @Test
    void badMdpsAreNamedWithWhatToChange() {
        String dir = plugin.toString();
        Cli notAnMdp = Cli.run("train", "--env", "rl4j:example.rl4j.NotAnMdp", "--plugin", dir, "--steps", "100");
        assertEquals(2, notAnMdp.exitCode());
        assertTrue(notAnMdp.err().contains("example.rl4j.NotAnMdp is neither an RL4J MDP"), notAnMdp.err());
        Cli continuous = Cli.run("train", "--env", "rl4j:example.rl4j.ContinuousMdp", "--plugin", dir, "--steps", "100");
        assertEquals(2, continuous.exitCode());
        assertTrue(continuous.err().contains("example.rl4j.ContinuousMdp has the action space example.rl4j.ContinuousMdp$Force")
                && continuous.err().contains("DiscreteSpace"), continuous.err());
        Cli growing = Cli.run("train", "--env", "rl4j:example.rl4j.GrowingMdp", "--plugin", dir, "--agent", "ppo",
                "--steps", "100", "--run-dir", runs.resolve("growing").toString());
        assertEquals(2, growing.exitCode());
        assertTrue(growing.err().contains("example.rl4j.GrowingMdp gave an observation of 3 values where its observation "
                + "space declares the shape [2]") && growing.err().contains("make every observation"), growing.err());
        Cli missing = Cli.run("check-env", "rl4j:example.rl4j.NoSuchMdp");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--plugin"), missing.err());
        Cli options = Cli.run("check-env", CARTPOLE, "--env-opt", "gravity=3");
        assertEquals(2, options.exitCode());
        assertTrue(options.err().contains("takes no options"), options.err());
    }

    private static double meanReturn(String json) {
        return com.google.gson.JsonParser.parseString(json).getAsJsonObject().get("mean_return").getAsDouble();
    }

    private static double meanLength(String json) {
        return com.google.gson.JsonParser.parseString(json).getAsJsonObject().get("mean_length").getAsDouble();
    }
}
