package io.rlarena.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawn PNG: size, content (lines and a visible band), atomic writing, and train's never-failing call. */
class CurveChartTest {

    @TempDir
    Path dir;

    /** Rising noisy returns over 10k steps, with episode lengths (and so step grids) that differ by seed. */
    private Path fakeRun(String name, long seed, double learningRate) throws Exception {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (long step = 0; step < 10_000; ) {
            step += 5 + random.nextInt(30);
            rows.add(new double[] {step, 1 - Math.exp(-step / 3000.0) + 0.3 * random.nextGaussian()});
        }
        return LearningCurvesTest.run(dir, name, seed, learningRate, rows.toArray(double[][]::new));
    }

    @Test
    void threeSeedsAndAnotherConfigurationMakeAPngWithLinesAndABand() throws Exception {
        List<Path> runs = List.of(fakeRun("s1", 1, 0.001), fakeRun("s2", 2, 0.001), fakeRun("s3", 3, 0.001),
                fakeRun("lr", 4, 0.01));
        Path png = dir.resolve("out/plot.png");
        CurveChart.write(LearningCurves.plot(runs, 50, LearningCurves.XAxis.STEPS), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CurveChart.WIDTH, image.getWidth());
        assertEquals(CurveChart.HEIGHT, image.getHeight());
        Set<Integer> colors = new HashSet<>();
        int blueLine = 0;
        int blueBand = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                blueLine += near(rgb, 0x1f77b4) ? 1 : 0;
                blueBand += near(rgb, blend(0x1f77b4, 64)) ? 1 : 0;
            }
        }
        assertTrue(colors.size() > 50, "a drawing, not a blank image: " + colors.size() + " colours");
        assertTrue(blueLine > 500, "the mean curve is drawn: " + blueLine + " pixels");
        assertTrue(blueBand > 5000, "the band over seeds is shaded: " + blueBand + " pixels");
        try (var files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no temporary file is left behind");
        }
        assertThrows(IllegalArgumentException.class, () -> CurveChart.write(LearningCurves.plot(runs.subList(0, 1),
                50, LearningCurves.XAxis.STEPS), dir.resolve("plot.jpg")));
    }

    @Test
    void drawingARunOnlyWarnsWhenItCannot() throws Exception {
        Path run = fakeRun("run", 1, 0.001);
        CurveChart.drawRun(run);
        assertEquals(CurveChart.WIDTH, ImageIO.read(run.resolve(CurveChart.RUN_FILE).toFile()).getWidth());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CurveChart.drawRun(broken);
        } finally {
            System.setErr(stderr);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith("warning: no learning curve for " + broken),
                captured.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(broken.resolve(CurveChart.RUN_FILE)));
    }

    /** A colour drawn over white with the given alpha. */
    private static int blend(int rgb, int alpha) {
        int result = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int channel = (rgb >> shift) & 0xff;
            result |= (255 + (channel - 255) * alpha / 255) << shift;
        }
        return result;
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }
}
