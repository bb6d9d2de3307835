package io.rlarena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} leaves curve.png in its run; {@code plot} draws three seeds of one config as a mean and a band. */
class PlotCommandTest {

    @TempDir
    Path dir;

    @Test
    void threeTrainedSeedsPlotAsOneCurveWithABand() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Path run = dir.resolve("lake-" + seed);
            Cli train = Cli.run("train", "--env", "FrozenLake-v1", "--env-opt", "is_slippery=false", "--steps", "2000",
                    "--seed", String.valueOf(seed), "--set", "learning_starts=100", "--run-dir", run.toString());
            assertEquals(0, train.exitCode(), train.err());
            assertPng(run.resolve("curve.png"));
            runs.add(run.toString());
        }
        Path png = dir.resolve("plots/lake.png");
        List<String> args = new ArrayList<>(List.of("plot", "--out", png.toString(), "--smooth", "20"));
        args.addAll(runs);
        Cli plot = Cli.run(args.toArray(String[]::new));
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(plot.out().startsWith("wrote " + png + " (Learning curve: FrozenLake-v1)"), plot.out());
        assertTrue(plot.out().contains("FrozenLake-v1 dqn, 3 seeds (mean, band min..max): "), plot.out());
        assertTrue(plot.out().contains(" environment steps (min "), plot.out());
        assertPng(png);

        Cli one = Cli.run("plot", runs.get(0), "--x", "episodes", "--smooth", "1");
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().startsWith("wrote " + Path.of(runs.get(0), "curve.png")), one.out());
        assertTrue(one.out().contains("FrozenLake-v1 dqn, seed 1: "), one.out());
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        Path none = dir.resolve("none");
        assertBadInput("run directory " + none + " does not exist", "plot", none.toString());
        assertBadInput(dir + " is not a run directory: it has no metrics.csv", "plot", dir.toString());
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("config.json"), """
                {"env": "FrozenLake-v1", "algorithm": "dqn", "seed": 1}""");
        Files.writeString(run.resolve("metrics.csv"), "step,episode,return\n10,0,1\n20,1,x\n");
        assertBadInput(run.resolve("metrics.csv") + " line 3: return must be a finite number, got 'x'", "plot",
                run.toString());
        Files.writeString(run.resolve("metrics.csv"), "step,episode,return\n");
        assertBadInput("holds no finished episodes yet", "plot", run.toString());
        assertBadInput("--smooth must be >= 1", "plot", run.toString(), "--smooth", "0");
        assertBadInput("--x must be steps or episodes", "plot", run.toString(), "--x", "time");
        assertBadInput("Missing required parameter", "plot");
    }

    private static void assertBadInput(String message, String... args) {
        Cli result = Cli.run(args);
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), "expected '" + message + "' in: " + result.err());
    }

    private static void assertPng(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(countColors(image) > 50, "a drawing, not a blank image");
    }

    private static long countColors(BufferedImage image) {
        return IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }
}
