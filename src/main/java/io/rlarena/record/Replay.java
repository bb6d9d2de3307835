package io.rlarena.record;

import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.ObservationEncoding;
import io.rlarena.env.Reset;
import io.rlarena.env.Step;
import io.rlarena.env.Wrapper;

import java.util.Arrays;
import java.util.Locale;

/**
 * Re-simulates recorded episodes: the environment of the header, reset with each episode's seed
 * and stepped with its actions. Every frame goes to a {@link FrameSink} (terminal player, HTML
 * page), and every recorded reward, flag and observation is compared with the re-simulation.
 */
public final class Replay {

    private Replay() {
    }

    /** What a viewer draws for one moment of an episode: the state after {@code t} steps (0: the reset). */
    public record Frame(int episode, int t, int steps, String render, Drawing drawing, float[] observation, int action,
                        double reward, double episodeReturn, boolean terminated, boolean truncated) {
    }

    /** The environment's picture of its state, or null if it has none ({@link Drawable}). */
    static Drawing drawing(Environment env) {
        return Wrapper.unwrap(env) instanceof Drawable drawable ? drawable.draw() : null;
    }

    /** Receives frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(Frame frame);
    }

    /** The first place a recording and its re-simulation differ. */
    public record Mismatch(int line, int episode, int t, String what) {
        @Override
        public String toString() {
            return "line " + line + " (episode " + episode + ", step " + t + "): " + what;
        }
    }

    /** The recorded environment, made from the registry with the header's id, options and encoding. */
    public static Environment environment(EnvRegistry registry, EpisodeFile.Recording recording) {
        EpisodeFile.Header header = recording.header();
        return ObservationEncoding.apply(registry.make(header.env(), header.envOptions(),
                "the header of episode file " + recording.file()), header.observation());
    }

    /**
     * Replays every episode of {@code recording} in {@code env}, sending each frame to {@code sink};
     * returns the first mismatch with the recording, or null when all of it agrees.
     *
     * @throws IllegalArgumentException naming the line for an episode without a seed or an action outside the action space
     */
    public static Mismatch run(EpisodeFile.Recording recording, Environment env, FrameSink sink) {
        Mismatch first = null;
        for (EpisodeFile.Episode episode : recording.episodes()) {
            EpisodeFile.Start start = episode.start();
            if (start.seed() == null) {
                throw EpisodeFile.bad(recording.file(), episode.startLine(), "the episode has no reset seed, so it "
                        + "cannot be re-simulated");
            }
            Reset reset = env.reset(start.seed());
            int steps = episode.steps().size();
            if (first == null && !Arrays.equals(reset.observation(), start.observation())) {
                first = new Mismatch(episode.startLine(), start.episode(), 0, "recorded first observation "
                        + Arrays.toString(start.observation()) + ", re-simulated " + Arrays.toString(reset.observation()));
            }
            sink.frame(new Frame(start.episode(), 0, steps, env.render(), drawing(env), reset.observation(), -1, 0, 0,
                    false, false));
            double episodeReturn = 0;
            for (int i = 0; i < steps; i++) {
                EpisodeFile.StepLine recorded = episode.steps().get(i);
                int line = episode.stepLines().get(i);
                if (!env.actionSpace().contains(recorded.action())) {
                    throw EpisodeFile.bad(recording.file(), line, "action " + recorded.action() + " is outside "
                            + env.spec().id() + "'s action space (0.." + (env.actionSpace().n() - 1) + ")");
                }
                Step step = env.step(recorded.action());
                episodeReturn += step.reward();
                if (first == null) {
                    String what = difference(recorded, step);
                    if (what == null && step.done() && i < steps - 1) {
                        what = "the episode ends here in re-simulation, but the recording goes on";
                    }
                    if (what != null) {
                        first = new Mismatch(line, start.episode(), recorded.t(), what);
                    }
                }
                sink.frame(new Frame(start.episode(), recorded.t(), steps, env.render(), drawing(env), step.observation(),
                        recorded.action(), step.reward(), episodeReturn, step.terminated(), step.truncated()));
                if (step.done()) {
                    break;
                }
            }
        }
        return first;
    }

    private static String difference(EpisodeFile.StepLine recorded, Step step) {
        if (Double.compare(recorded.reward(), step.reward()) != 0) {
            return String.format(Locale.ROOT, "recorded reward %s, re-simulated %s", recorded.reward(), step.reward());
        }
        if (recorded.terminated() != step.terminated() || recorded.truncated() != step.truncated()) {
            return "recorded terminated=" + recorded.terminated() + " truncated=" + recorded.truncated()
                    + ", re-simulated terminated=" + step.terminated() + " truncated=" + step.truncated();
        }
        if (!Arrays.equals(recorded.observation(), step.observation())) {
            return "recorded observation " + Arrays.toString(recorded.observation()) + ", re-simulated "
                    + Arrays.toString(step.observation());
        }
        return null;
    }
}
