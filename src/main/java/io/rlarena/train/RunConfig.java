package io.rlarena.train;

import com.google.gson.JsonObject;
import io.rlarena.env.Plugin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything needed to repeat a training run: environment and options, algorithm and its
 * hyperparameters (already validated), observation encoding, step budget, root seed and
 * checkpoint interval. Saved as the run's {@code config.json}.
 *
 * @param observation  how observations reach the network: {@code auto} (one-hot for Discrete
 *                     observations, as-is otherwise), {@code onehot} or {@code raw}
 * @param evalEvery    steps between evaluations of the greedy policy on separate episode seeds
 *                     (0: none); the best one is kept as the run's {@code best.zip}
 * @param evalEpisodes episodes per such evaluation
 * @param recordEvery  steps between recorded greedy episodes ({@code episodes/step-N.jsonl}, for
 *                     {@code rlarena replay}); 0: none
 * @param onDivergence what a non-finite reward, loss or weight does: {@code stop} training with a
 *                     message (the default), or {@code warn} once and go on (NaN is logged as NaN)
 * @param plugins      the plug-ins the environment came from, found again by later commands
 */
public record RunConfig(String algorithm, String env, Map<String, String> envOptions, String observation,
                        long steps, long seed, int checkpointEvery, int evalEvery, int evalEpisodes,
                        int recordEvery, String onDivergence, List<Plugin> plugins, JsonObject hyperparameters) {

    public static final Set<String> OBSERVATIONS = Set.of("auto", "onehot", "raw");
    public static final Set<String> ON_DIVERGENCE = Set.of("stop", "warn");
    /** Checkpoints a run writes at least, whatever {@code checkpoint_every} says (unless it is 0). */
    public static final int MIN_CHECKPOINTS = 4;

    public RunConfig {
        if (algorithm == null || env == null || hyperparameters == null) {
            throw new IllegalArgumentException("algorithm, env and hyperparameters must be given");
        }
        envOptions = new TreeMap<>(envOptions == null ? Map.of() : envOptions);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        if (!OBSERVATIONS.contains(observation)) {
            throw new IllegalArgumentException("observation must be one of auto, onehot, raw; got '" + observation + "'");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (evalEvery < 0 || evalEpisodes < 0 || (evalEvery > 0 && evalEpisodes < 1)) {
            throw new IllegalArgumentException("eval_every must be >= 0 (0: no evaluations) and eval_episodes >= 1, got "
                    + evalEvery + " and " + evalEpisodes);
        }
        if (recordEvery < 0) {
            throw new IllegalArgumentException("record_every must be >= 0 (0: no recordings), got " + recordEvery);
        }
        if (!ON_DIVERGENCE.contains(onDivergence)) {
            throw new IllegalArgumentException("on_divergence must be stop or warn, got '" + onDivergence + "'");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint_every must be >= 0 (0: no checkpoints), got " + checkpointEvery);
        }
    }

    /**
     * Steps between checkpoints: {@code checkpoint_every}, shortened so a run writes at least
     * {@value #MIN_CHECKPOINTS} (a kill then loses at most a quarter of it); 0 for none. Self-play
     * snapshots keep the cadence of {@code checkpoint_every} itself.
     */
    public long checkpointInterval() {
        return checkpointEvery == 0 ? 0 : Math.min(checkpointEvery, Math.max(1, steps / MIN_CHECKPOINTS));
    }

    /**
     * {@code json} (a config.json) with the keys added after its format was first written, at the
     * values runs written before them had: {@code on_divergence=stop}, no {@code plugins}.
     */
    public static JsonObject withLaterKeys(JsonObject json) {
        JsonObject copy = json.deepCopy();
        if (!copy.has("on_divergence")) {
            copy.addProperty("on_divergence", "stop");
        }
        if (!copy.has("plugins")) {
            copy.add("plugins", new com.google.gson.JsonArray());
        }
        return copy;
    }

    /** This configuration, recording {@code plugins} as where its environment came from. */
    public RunConfig withPlugins(List<Plugin> plugins) {
        return new RunConfig(algorithm, env, envOptions, observation, steps, seed, checkpointEvery, evalEvery,
                evalEpisodes, recordEvery, onDivergence, plugins, hyperparameters);
    }
}
