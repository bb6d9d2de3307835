package io.rlarena.record;

import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Wrapper;
import io.rlarena.envs.classic.CartPole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in environment draws its state; the drawings become images and GIFs. */
class DrawingTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(DrawingTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static Drawing draw(Environment env) {
        return assertInstanceOf(Drawable.class, Wrapper.unwrap(env), env.spec().id() + " draws itself").draw();
    }

    private static List<Drawing.Circle> circles(Drawing drawing, String fill) {
        return drawing.shapes().stream().filter(s -> s instanceof Drawing.Circle c && fill.equals(c.fill()))
                .map(s -> (Drawing.Circle) s).toList();
    }

    @Test
    void theLakeShowsItsTilesAndTheAgentWhereItIs() {
        try (Environment lake = REGISTRY.make("FrozenLake-v1", Map.of("is_slippery", "false"))) {
            lake.reset(1);
            lake.step(2); // right
            Drawing drawing = draw(lake);
            assertEquals(4, drawing.width());
            assertEquals(16, drawing.shapes().stream().filter(s -> s instanceof Drawing.Rect).count(), "16 tiles");
            Drawing.Circle agent = circles(drawing, "#1e88e5").get(0);
            assertEquals(1.5, agent.cx(), 1e-9, "one cell to the right");
            assertEquals(0.5, agent.cy(), 1e-9);
            assertTrue(drawing.legend().stream().anyMatch(k -> k.meaning().equals("hole")), drawing.legend().toString());
        }
    }

    @Test
    void theCartIsWhereItsStateSaysAndThePoleLeansWithIt() {
        CartPole cartPole = new CartPole();
        cartPole.reset(1);
        cartPole.setState(1.0, 0, 0.2, 0);
        Drawing drawing = cartPole.draw();
        Drawing.Rect cart = (Drawing.Rect) drawing.shapes().stream().filter(s -> s instanceof Drawing.Rect).findFirst()
                .orElseThrow();
        assertEquals(2.4 + 1.0, cart.x() + cart.w() / 2, 1e-9, "the cart's centre is at x on a track from -2.4");
        Drawing.Line pole = drawing.shapes().stream().filter(s -> s instanceof Drawing.Line l && "#d84315".equals(l.stroke()))
                .map(s -> (Drawing.Line) s).findFirst().orElseThrow();
        assertEquals(Math.sin(0.2), pole.x2() - pole.x1(), 1e-9, "a pole of length 1 leaning by theta");
    }

    @Test
    void mazesShowWallsThePathSoFarAndTheAgent() {
        try (Environment maze = REGISTRY.make("Maze-v0", Map.of("size", "7"))) {
            maze.reset(3);
            boolean[] mask = maze.actionMask();
            int action = 0;
            while (!mask[action]) {
                action++;
            }
            maze.step(action);
            Drawing drawing = draw(maze);
            assertEquals(49, drawing.shapes().stream().filter(s -> s instanceof Drawing.Rect).count());
            assertEquals(1, circles(drawing, "#1e88e5").size(), "one agent");
            assertTrue(drawing.shapes().stream().anyMatch(s -> s instanceof Drawing.Rect r && "#ffe082".equals(r.fill())),
                    "the visited cells are marked");
        }
    }

    @Test
    void boardsShowThePiecesAndRingTheLastMove() {
        try (Environment game = REGISTRY.make("ConnectFour-v0", Map.of("opponent", "random"))) {
            game.reset(2);
            game.step(3);
            Drawing drawing = draw(game);
            assertEquals(7, drawing.width());
            assertEquals(6, drawing.height());
            assertEquals(1, circles(drawing, "#e53935").size(), "the agent's piece");
            assertEquals(1, circles(drawing, "#fdd835").size(), "the opponent's reply");
            assertEquals(1, drawing.shapes().stream().filter(s -> s instanceof Drawing.Circle c && c.fill() == null).count(),
                    "one ring: the opponent's last move");
        }
    }

    @Test
    void aReplayBecomesAnAnimatedGifWithAFramePerStep() throws Exception {
        Path episodes = EpisodeFileTest.record(dir.resolve("cartpole.jsonl"), "CartPole-v1", Map.of(), 1);
        EpisodeFile.Recording recording = EpisodeFile.read(episodes);
        List<Replay.Frame> frames = new ArrayList<>();
        try (Environment env = Replay.environment(REGISTRY, recording)) {
            Replay.run(recording, env, frames::add);
        }
        Path gif = dir.resolve("cartpole.gif");
        DrawingImages.writeReplayGif(gif, frames, 320);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(frames.size(), reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(frames.size() - 1);
            assertEquals(320, first.getWidth());
            assertFalse(samePixels(first, last), "the pole moved between the first and the last frame");
        } finally {
            reader.dispose();
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
