package io.rlarena.record;

import com.google.gson.JsonParser;
import io.rlarena.record.LearningCurves.Curve;
import io.rlarena.record.LearningCurves.Plot;
import io.rlarena.record.LearningCurves.XAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure part of the learning curves: reading, smoothing, alignment, aggregation over seeds, grouping. */
class LearningCurvesTest {

    private static final String HEADER = "step,episode,return,length,loss,epsilon,success,steps_per_s";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** A run directory with a config.json like train's and the given metrics rows (step,return). */
    static Path run(Path dir, String name, long seed, double learningRate, double[][] stepAndReturn) throws Exception {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), """
                {"algorithm": "dqn", "env": "FrozenLake-v1", "env_options": {"is_slippery": "false"},
                 "observation": "auto", "steps": 2000, "seed": %d, "checkpoint_every": 0,
                 "hyperparameters": {"learning_rate": %s, "network": {"hidden": [64, 64]}}}
                """.formatted(seed, learningRate));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < stepAndReturn.length; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,5,,0.5,0,100.0%n",
                    (long) stepAndReturn[i][0], i, stepAndReturn[i][1]));
        }
        Files.writeString(run.resolve("metrics.csv"), csv);
        return run;
    }

    @Test
    void smoothingIsATrailingMeanOverTheLastNEpisodes() {
        assertArrayEquals(new double[] {1, 1.5, 2, 3, 4}, LearningCurves.smooth(new double[] {1, 2, 3, 4, 5}, 3), EPS);
        assertArrayEquals(new double[] {1, 5, 2}, LearningCurves.smooth(new double[] {1, 5, 2}, 1), EPS);
        assertArrayEquals(new double[] {2, 3, 2}, LearningCurves.smooth(new double[] {2, 4, 0}, 100), EPS);
    }

    @Test
    void interpolationIsLinearAndTheLastOfEqualStepsCounts() {
        double[] x = {0, 10, 10, 20};
        double[] y = {0, 1, 3, 5};
        assertArrayEquals(new double[] {0, 0.5, 3, 4, 5},
                LearningCurves.interpolate(x, y, new double[] {0, 5, 10, 15, 20}), EPS);
    }

    @Test
    void threeSeedsAreAlignedOnTheStepsAllCoverThenAveragedWithAMinMaxBand() {
        Curve curve = LearningCurves.aggregate("c", List.of(new double[] {0, 100}, new double[] {0, 50, 100},
                new double[] {10, 110}), List.of(new double[] {0, 1}, new double[] {0, 0, 2}, new double[] {1, 1}), 10);
        assertEquals(3, curve.runs());
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, curve.x(), EPS);
        // at step 10: 0.1, 0 and 1; at step 100: 1, 2 and 1; at step 60: 0.6, 0.4 and 1
        assertEquals(1.1 / 3, curve.mean()[0], EPS);
        assertEquals(0, curve.min()[0], EPS);
        assertEquals(1, curve.max()[0], EPS);
        assertEquals(2.0 / 3, curve.mean()[5], EPS);
        assertEquals(0.4, curve.min()[5], EPS);
        assertEquals(4.0 / 3, curve.mean()[9], EPS);
        assertEquals(1, curve.min()[9], EPS);
        assertEquals(2, curve.max()[9], EPS);
        IllegalArgumentException disjoint = assertThrows(IllegalArgumentException.class, () -> LearningCurves
                .aggregate("c", List.of(new double[] {0, 10}, new double[] {20, 30}),
                        List.of(new double[] {0, 1}, new double[] {0, 1}), 10));
        assertTrue(disjoint.getMessage().contains("share no range of steps"), disjoint.getMessage());
    }

    @Test
    void runsOfOneConfigurationBecomeOneCurveAndDifferingSettingsNameTheOthers() throws Exception {
        double[][] rising = {{10, 0}, {20, 1}, {30, 1}};
        List<Path> runs = List.of(run(dir, "a", 1, 0.001, rising), run(dir, "b", 2, 0.001, rising),
                run(dir, "other", 9, 0.01, new double[][] {{5, 1}, {25, 0}}), run(dir, "c", 3, 0.001, rising));
        Plot plot = LearningCurves.plot(runs, 2, XAxis.STEPS);
        assertEquals("Learning curves: FrozenLake-v1", plot.title());
        assertEquals("environment steps", plot.xLabel());
        assertEquals("episode return (mean of the last 2 episodes)", plot.yLabel());
        assertEquals(List.of("FrozenLake-v1 dqn, learning_rate=0.001, 3 seeds (mean, band min..max)",
                "FrozenLake-v1 dqn, learning_rate=0.01, seed 9"), plot.curves().stream().map(Curve::label).toList());
        Curve seeds = plot.curves().get(0);
        assertEquals(3, seeds.runs());
        assertEquals(LearningCurves.GRID_POINTS, seeds.x().length);
        assertEquals(10, seeds.x()[0], EPS);
        assertEquals(30, seeds.x()[seeds.x().length - 1], EPS);
        assertEquals(1, seeds.mean()[seeds.x().length - 1], EPS, "smoothed over the last 2 episodes");
        assertEquals(0.5, seeds.mean()[seeds.x().length / 2], 0.01, "halfway: the moving average of 0 and 1");
        Curve other = plot.curves().get(1);
        assertEquals(1, other.runs());
        assertArrayEquals(other.mean(), other.min(), EPS);
        assertEquals(0.5, other.mean()[other.x().length - 1], EPS);
    }

    @Test
    void labelsNameOnlyTheSettingsThatTellConfigurationsOfOneAlgorithmApart() {
        List<LearningCurves.Run> runs = List.of(
                fakeRun("{'env': 'CartPole-v1', 'algorithm': 'dqn', 'seed': 1, 'hyperparameters': {'tau': 1.0}}"),
                fakeRun("{'env': 'CartPole-v1', 'algorithm': 'ppo', 'seed': 1, 'hyperparameters': {'n_envs': 8}}"),
                fakeRun("{'env': 'CartPole-v1', 'algorithm': 'ppo', 'seed': 2, 'hyperparameters': {'n_envs': 8}}"),
                fakeRun("{'env': 'CartPole-v1', 'algorithm': 'ppo', 'seed': 1, 'hyperparameters': {'n_envs': 4}}"),
                fakeRun("{'env': 'Maze-v0', 'algorithm': 'ppo', 'seed': 1, 'steps': 5, 'hyperparameters': {}}"));
        assertEquals(List.of("CartPole-v1 dqn, seed 1", "CartPole-v1 ppo, n_envs=8, 2 seeds (mean, band min..max)",
                        "CartPole-v1 ppo, n_envs=4, seed 1", "Maze-v0 ppo, seed 1"),
                LearningCurves.curves(runs, 1, XAxis.STEPS).stream().map(Curve::label).toList());
    }

    private static LearningCurves.Run fakeRun(String config) {
        return new LearningCurves.Run(JsonParser.parseString(config).getAsJsonObject(),
                new long[] {10, 20}, new long[] {1, 2}, new double[] {0, 1});
    }

    @Test
    void oneRunAgainstEpisodesWithoutSmoothing() throws Exception {
        Plot plot = LearningCurves.plot(List.of(run(dir, "a", 7, 0.001, new double[][] {{3, 0}, {9, 1}, {12, 0}})), 1,
                XAxis.parse("episodes"));
        assertEquals("Learning curve: FrozenLake-v1", plot.title());
        assertEquals("episodes", plot.xLabel());
        assertEquals("episode return", plot.yLabel());
        Curve curve = plot.curves().get(0);
        assertEquals("FrozenLake-v1 dqn, seed 7", curve.label());
        assertEquals(1, curve.x()[0], EPS);
        assertEquals(3, curve.x()[curve.x().length - 1], EPS);
        assertEquals(0, curve.mean()[curve.x().length - 1], EPS);
    }

    @Test
    void aRowStillBeingWrittenIsLeftOut() throws Exception {
        Path run = run(dir, "live", 1, 0.001, new double[][] {{10, 1}, {20, 0}});
        Files.writeString(run.resolve("metrics.csv"), "30,2,-1.00", StandardOpenOption.APPEND);
        LearningCurves.Run read = LearningCurves.read(run);
        assertArrayEquals(new long[] {10, 20}, read.steps());
        assertArrayEquals(new long[] {1, 2}, read.episodes());
    }

    @Test
    void badInputIsRefusedNamingTheFileAndLine() throws Exception {
        Path good = run(dir, "good", 1, 0.001, new double[][] {{10, 1}});
        assertRefused("does not exist", () -> LearningCurves.read(dir.resolve("nope")));
        assertRefused("is not a directory", () -> LearningCurves.read(good.resolve("metrics.csv")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty + " is not a run directory: it has no metrics.csv", () -> LearningCurves.read(empty));
        Files.writeString(empty.resolve("metrics.csv"), HEADER + "\n");
        assertRefused("it has no config.json", () -> LearningCurves.read(empty));
        Files.writeString(empty.resolve("config.json"), "{\"env\": ");
        assertRefused(empty.resolve("config.json") + " is not valid JSON", () -> LearningCurves.read(empty));
        Files.writeString(empty.resolve("config.json"), "{\"env\": \"X-v0\", \"seed\": 1}");
        assertRefused("has no 'algorithm'", () -> LearningCurves.read(empty));
        Files.copy(good.resolve("config.json"), empty.resolve("config.json"), StandardCopyOption.REPLACE_EXISTING);
        Path metrics = empty.resolve("metrics.csv");
        assertRefused(metrics + " holds no finished episodes yet", () -> LearningCurves.read(empty));
        Files.writeString(metrics, "");
        assertRefused(metrics + " has no complete header line", () -> LearningCurves.read(empty));
        Files.writeString(metrics, "a,b,c\n1,2,3\n");
        assertRefused(metrics + " line 1: expected a header with the columns step, episode and return",
                () -> LearningCurves.read(empty));
        Files.writeString(metrics, HEADER + "\n10,0,1.0,5,,0.5,0,1.0\n20,1,1.0,5\n");
        assertRefused(metrics + " line 3: expected 8 fields, got 4", () -> LearningCurves.read(empty));
        Files.writeString(metrics, HEADER + "\n10,0,1.0,5,,0.5,0,1.0\n20,1,abc,5,,0.5,0,1.0\n");
        assertRefused(metrics + " line 3: return must be a finite number, got 'abc'", () -> LearningCurves.read(empty));
        Files.writeString(metrics, HEADER + "\n10,0,NaN,5,,0.5,0,1.0\n");
        assertRefused("line 2: return must be a finite number, got 'NaN'", () -> LearningCurves.read(empty));
        Files.writeString(metrics, HEADER + "\n1.5,0,1,5,,0.5,0,1.0\n");
        assertRefused("line 2: step must be a whole number >= 0, got '1.5'", () -> LearningCurves.read(empty));
        Files.writeString(metrics, HEADER + "\n10,0,1.0,5,,0.5,0,1.0\n20,1,1.0,5,,0.5,0,1.0\n15,2,1.0,5,,0.5,0,1.0\n");
        assertRefused(metrics + " line 4: step 15 is before the previous row's step 20",
                () -> LearningCurves.read(empty));
        assertRefused("is given twice", () -> LearningCurves.plot(List.of(good, good.resolve("../good")), 10,
                XAxis.STEPS));
        assertRefused("--smooth must be >= 1", () -> LearningCurves.plot(List.of(good), 0, XAxis.STEPS));
        assertRefused("--x must be steps or episodes, got 'time'", () -> XAxis.parse("time"));
    }

    private static void assertRefused(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
