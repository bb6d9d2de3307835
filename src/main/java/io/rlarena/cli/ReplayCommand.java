package io.rlarena.cli;

import io.rlarena.env.Environment;
import io.rlarena.record.DrawingImages;
import io.rlarena.record.EpisodeFile;
import io.rlarena.record.HtmlReplay;
import io.rlarena.record.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rlarena replay}: plays a recorded episode file in the terminal, checks it, or writes an HTML page. */
@Command(name = "replay", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Replay recorded episodes (eval --record) in the terminal, verify them by re-simulation, or "
                + "write a self-contained HTML page.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An episode file (JSON lines).")
    Path file;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--speed", defaultValue = "4", description = "Steps per second in the terminal (0: no pause).")
    double speed;

    @Option(names = "--step", description = "Wait for Enter after every step.")
    boolean stepByStep;

    @Option(names = "--verify", description = "Only re-simulate from the seeds and actions and check every recorded "
            + "reward, flag and observation; exit 1 at the first difference.")
    boolean verify;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Write a self-contained page that plays the "
            + "episodes (canvas, play/pause, step slider) instead of playing them here.")
    Path html;

    @Option(names = "--gif", paramLabel = "OUT.gif", description = "Write the episodes as an animated GIF (8 steps "
            + "per second) instead of playing them here.")
    Path gif;

    @Option(names = "--width", defaultValue = "480", description = "Width of the GIF in pixels.")
    int width;

    @Spec
    CommandSpec spec;

    private BufferedReader input;

    @Override
    public Integer call() throws Exception {
        if (speed < 0) {
            throw new IllegalArgumentException("--speed must be >= 0, got " + speed);
        }
        if (width < 64 || width > 4096) {
            throw new IllegalArgumentException("--width must be 64 to 4096 pixels, got " + width);
        }
        for (Path output : java.util.Arrays.asList(html, gif)) {
            if (output != null && output.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(output + " is the episode file being replayed; write the page or GIF "
                        + "to another file");
            }
        }
        envArgs.refuseEnvOptions("replay", "it re-simulates the episodes with the options recorded in the episode "
                + "file's header");
        EpisodeFile.Recording recording = EpisodeFile.read(file);
        PrintWriter out = spec.commandLine().getOut();
        List<Replay.Frame> frames = new ArrayList<>();
        Replay.Mismatch mismatch;
        envArgs.requireGiven(recording.header().plugins(), "episode file " + recording.file());
        try (Environment env = Replay.environment(envArgs.registry(), recording)) {
            try (Counter counter = Counter.onTerminal("episode", recording.episodes().size())) {
                Replay.FrameSink sink = html != null || gif != null ? frames::add
                        : verify ? frame -> counter.done(frame.episode()) : frame -> show(frame, out);
                mismatch = Replay.run(recording, env, sink);
            }
        }
        if (html != null) {
            HtmlReplay.write(html, recording, frames);
            out.println("wrote " + html + " (" + frames.size() + " frames)");
        }
        if (gif != null) {
            DrawingImages.writeReplayGif(gif, frames, width);
            out.println("wrote " + gif + " (" + frames.size() + " frames)");
        }
        summarize(recording, out);
        if (mismatch != null) {
            out.println("MISMATCH at " + mismatch);
            out.flush();
            return 1;
        }
        out.println("verified: re-simulation matches every recorded step");
        out.flush();
        return 0;
    }

    private void show(Replay.Frame frame, PrintWriter out) {
        boolean terminal = System.console() != null;
        if (terminal) {
            out.print("\033[H\033[2J");
        } else {
            out.println();
        }
        out.print(frame.render());
        out.printf(Locale.ROOT, "episode %d  step %d/%d%s  return %.3f%s%n", frame.episode(), frame.t(), frame.steps(),
                frame.t() == 0 ? "" : String.format(Locale.ROOT, "  action %d  reward %.3f", frame.action(),
                        frame.reward()), frame.episodeReturn(),
                frame.terminated() ? "  (terminated)" : frame.truncated() ? "  (truncated)" : "");
        out.flush();
        try {
            if (stepByStep) {
                out.print("[Enter] ");
                out.flush();
                if (input == null) {
                    input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                }
                input.readLine();
            } else if (speed > 0) {
                Thread.sleep((long) (1000 / speed));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void summarize(EpisodeFile.Recording recording, PrintWriter out) {
        EpisodeFile.Header header = recording.header();
        out.printf(Locale.ROOT, "%s %s, %d episode(s), agent %s%n", header.env(), header.envOptions(),
                recording.episodes().size(), header.agent());
        for (EpisodeFile.Episode episode : recording.episodes()) {
            List<EpisodeFile.StepLine> steps = episode.steps();
            EpisodeFile.StepLine last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            out.printf(Locale.ROOT, "  episode %d (seed %d): %d steps, return %.3f%s%n", episode.start().episode(),
                    episode.start().seed(), steps.size(), episode.episodeReturn(), last == null ? ""
                            : last.terminated() ? ", terminated" : last.truncated() ? ", truncated" : "");
        }
    }
}
