package io.rlarena.record;

import io.rlarena.env.Environment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay page in a real headless browser (Debian's chromium): it loads without console
 * messages, and moving the slider to a step shows that step's picture. {@code .ci/run} installs
 * chromium where it is missing; elsewhere the test needs a chromium on the PATH.
 */
class HtmlReplayBrowserTest {

    @TempDir
    Path dir;

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        return null;
    }

    /** Runs headless chromium with {@code args} on {@code url}; returns stdout and stderr. */
    private static String[] browse(String chromium, Path work, String url, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + work.resolve("profile")));
        command.addAll(Arrays.asList(args));
        command.add(url);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in 90 s");
        return new String[] {Files.readString(out), Files.readString(err)};
    }

    private static Path page(Path dir, String env, Map<String, String> options) {
        Path episodes = EpisodeFileTest.record(dir.resolve(env + ".jsonl"), env, options, 1);
        EpisodeFile.Recording recording = EpisodeFile.read(episodes);
        List<Replay.Frame> frames = new ArrayList<>();
        try (Environment replayed = Replay.environment(EpisodeFileTest.REGISTRY, recording)) {
            Replay.run(recording, replayed, frames::add);
        }
        Path html = dir.resolve(env + ".html");
        HtmlReplay.write(html, recording, frames);
        return html;
    }

    @Test
    void thePageLoadsCleanlyAndTheSliderShowsTheChosenStep() throws Exception {
        String chromium = chromium();
        if (chromium == null) {
            assertFalse("true".equals(System.getenv("CI")), "CI must have chromium: .ci/run installs it");
            Assumptions.abort("no chromium on the PATH: install Debian's chromium to run the browser test");
        }
        Map<String, String> legendWord = Map.of("ConnectFour-v0", "last move", "TicTacToe-v0", "opponent",
                "Othello-v0", "agent", "Maze-v0", "path so far", "CartPole-v1", "pole", "FrozenLake-v1", "hole",
                "CliffWalking-v0", "cliff", "FourRooms-v0", "wall");
        for (String env : legendWord.keySet().stream().sorted().toList()) {
            Path html = page(dir, env, env.equals("CliffWalking-v0") ? Map.of("max_episode_steps", "30") : Map.of());
            String url = html.toUri() + "#frame=3";
            String[] dumped = browse(chromium, dir, url, "--dump-dom");
            assertFalse(dumped[1].contains(":CONSOLE"), env + ": the page logged to the console:\n" + dumped[1]);
            Matcher frame = Pattern.compile("data-frame=\"(\\d+)\"").matcher(dumped[0]);
            assertTrue(frame.find(), env + ": no frame shown:\n" + dumped[0]);
            assertEquals("3", frame.group(1), env + ": the slider's input event shows frame 3");
            assertTrue(dumped[0].contains("step 3/"), env + ": the caption names step 3");
            assertTrue(dumped[0].contains("class=\"swatch\"") && dumped[0].contains(legendWord.get(env)),
                    env + ": the legend explains the drawing's colours");
            // the picture follows the slider: frame 3 looks different from frame 0, and the same twice
            byte[] first = screenshot(chromium, dir, html.toUri() + "#frame=0");
            byte[] third = screenshot(chromium, dir, url);
            byte[] again = screenshot(chromium, dir, url);
            assertFalse(Arrays.equals(first, third), env + ": frame 3 must not look like frame 0");
            assertTrue(Arrays.equals(third, again), env + ": the same frame draws the same picture");
        }
    }

    private static byte[] screenshot(String chromium, Path dir, String url) throws Exception {
        Path png = dir.resolve("shot.png");
        Files.deleteIfExists(png);
        browse(chromium, dir, url, "--screenshot=" + png, "--window-size=800,640", "--hide-scrollbars");
        assertTrue(Files.exists(png), "no screenshot of " + url);
        byte[] bytes = Files.readAllBytes(png);
        assertNotNull(javax.imageio.ImageIO.read(png.toFile()), "not a PNG: " + url);
        return bytes;
    }
}
