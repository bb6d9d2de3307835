package io.rlarena.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Algorithms;
import io.rlarena.agent.Json;
import io.rlarena.env.Plugin;
import io.rlarena.env.Seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what the user asked for (env, agent, optional preset file, {@code --set} overrides,
 * steps, seed) into a validated {@link RunConfig}. Built-in presets live in
 * {@code agents/ALGORITHM/ENV_ID.json} on the class path (packed into rlarena's jar; a plug-in jar
 * can bring presets for its own environments), an id {@code SCHEME:NAME} as the folder
 * {@code agents/ALGORITHM/SCHEME/NAME.json}; without one the algorithm's defaults apply.
 */
public final class Presets {

    static final long DEFAULT_STEPS = 100_000;
    static final int DEFAULT_CHECKPOINT_EVERY = 10_000;
    static final int DEFAULT_EVAL_EPISODES = 10;

    private Presets() {
    }

    /**
     * The keys a preset file may hold. A run's config.json is one; its {@code plugins} say where
     * that run's environment came from and are not used here (a new run records the plug-ins it
     * is given).
     */
    record PresetFile(String description, String algorithm, String env, Map<String, String> envOptions,
                      String observation, Long steps, Long seed, Integer checkpointEvery, Integer evalEvery,
                      Integer evalEpisodes, Integer recordEvery, String onDivergence, List<Plugin> plugins,
                      JsonObject hyperparameters, List<Variant> variants) {
    }

    /**
     * Settings for some option values only, e.g. fewer steps for a non-slippery lake: when every
     * {@code when} entry equals the env option, the {@code set} entries apply like {@code --set}
     * (before the user's own).
     */
    record Variant(Map<String, String> when, Map<String, String> set) {
    }

    /**
     * What the user asked for; {@code presetFile}, {@code steps} and {@code seed} may be null.
     * A run's {@code config.json} is a valid preset file: it repeats that run, seed included.
     */
    public record Request(String env, Map<String, String> envOptions, String algorithm, Path presetFile,
                          List<String> sets, Long steps, Long seed) {
    }

    /** The resolved configuration, where its defaults came from, and what the user should know about them. */
    public record Resolved(RunConfig config, String presetSource, List<String> warnings) {
    }

    /** Resolves with built-in presets looked up on rlarena's own class path. */
    public static Resolved resolve(Request request) {
        return resolve(request, Presets.class.getClassLoader());
    }

    /** Resolves with built-in presets looked up on {@code presetLoader} (plug-ins bring their own). */
    public static Resolved resolve(Request request, ClassLoader presetLoader) {
        Algorithm algorithm = Algorithms.get(request.algorithm());
        String source = request.presetFile() != null ? request.presetFile().toString()
                : "agents/" + algorithm.name() + "/" + request.env().replace(':', '/') + ".json";
        JsonObject presetJson = request.presetFile() != null ? read(request.presetFile()) : builtin(source, presetLoader);
        if (presetJson == null) {
            source = "the " + algorithm.name() + " defaults (no preset " + source + ")";
            presetJson = new JsonObject();
        }
        PresetFile preset = Configs.fromPartialJson(presetJson, PresetFile.class, source);
        if (preset.algorithm() != null && !preset.algorithm().equals(algorithm.name())) {
            throw new IllegalArgumentException(source + " is a preset for agent '" + preset.algorithm()
                    + "', not '" + algorithm.name() + "'");
        }
        List<String> warnings = new ArrayList<>();
        if (preset.env() != null && !preset.env().equals(request.env())) {
            warnings.add(source + " is a preset for " + preset.env() + ", and this run is on " + request.env()
                    + ": its settings were tuned for another environment");
        }

        JsonObject hyper = Configs.toJson(algorithm.defaults());
        if (preset.hyperparameters() != null) {
            Configs.deepMerge(hyper, preset.hyperparameters());
        }
        Map<String, String> run = new TreeMap<>(Map.of(
                "observation", preset.observation() == null ? "auto" : preset.observation(),
                "steps", String.valueOf(preset.steps() == null ? DEFAULT_STEPS : preset.steps()),
                "checkpoint_every", String.valueOf(preset.checkpointEvery() == null ? DEFAULT_CHECKPOINT_EVERY
                        : preset.checkpointEvery()),
                "eval_every", String.valueOf(preset.evalEvery() == null ? 0 : preset.evalEvery()),
                "eval_episodes", String.valueOf(preset.evalEpisodes() == null ? DEFAULT_EVAL_EPISODES
                        : preset.evalEpisodes()),
                "record_every", String.valueOf(preset.recordEvery() == null ? 0 : preset.recordEvery()),
                "on_divergence", preset.onDivergence() == null ? "stop" : preset.onDivergence()));
        Map<String, String> envOptions = new TreeMap<>(preset.envOptions() == null ? Map.of() : preset.envOptions());
        envOptions.putAll(request.envOptions());
        List<String> sets = new ArrayList<>();
        for (Variant variant : preset.variants() == null ? List.<Variant>of() : preset.variants()) {
            if (variant.when() != null && variant.set() != null
                    && variant.when().entrySet().stream().allMatch(w -> sameValue(w.getValue(), envOptions.get(w.getKey())))) {
                variant.set().forEach((key, value) -> sets.add(key + "=" + value));
            }
        }
        sets.addAll(request.sets());
        for (String assignment : sets) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + assignment + ": expected key=value");
            }
            String key = assignment.substring(0, eq).trim();
            String value = assignment.substring(eq + 1);
            if (run.containsKey(key)) {
                run.put(key, value.trim());
                continue;
            }
            try {
                Configs.set(hyper, algorithm.configType(), key, value, "--set");
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().contains("unknown key")) {
                    throw e;
                }
                List<String> valid = new ArrayList<>(run.keySet());
                valid.addAll(Configs.keys(algorithm.configType()));
                throw new IllegalArgumentException("--set " + assignment + ": unknown key '" + key + "' for agent "
                        + algorithm.name() + "; valid keys: " + String.join(", ", valid));
            }
        }
        Record typed = Configs.fromJson(hyper, algorithm.configType(), algorithm.name() + " hyperparameters from "
                + source + " and --set");

        JsonObject runJson = new JsonObject();
        runJson.addProperty("algorithm", algorithm.name());
        runJson.addProperty("env", request.env());
        runJson.add("env_options", Json.GSON.toJsonTree(envOptions));
        run.forEach((key, value) -> Configs.set(runJson, RunConfig.class, key, value, "--set"));
        if (request.steps() != null) {
            runJson.addProperty("steps", request.steps());
        }
        runJson.addProperty("seed", request.seed() != null ? request.seed()
                : preset.seed() != null ? preset.seed() : Seeds.fresh());
        runJson.add("plugins", new com.google.gson.JsonArray());
        runJson.add("hyperparameters", Configs.toJson(typed));
        return new Resolved(Configs.fromJson(runJson, RunConfig.class, "the run settings from " + source + " and --set"),
                source, List.copyOf(warnings));
    }

    /** Option values as the environment reads them: booleans in any accepted spelling, else exact text. */
    static boolean sameValue(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        String a = truth(expected);
        String b = truth(actual);
        return a != null && b != null ? a.equals(b) : expected.trim().equals(actual.trim());
    }

    private static String truth(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> "true";
            case "false", "0", "no" -> "false";
            default -> null;
        };
    }

    private static JsonObject read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("preset file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read preset file " + file + ": " + e);
        }
    }

    private static JsonObject builtin(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(String text, String source) {
        try {
            JsonObject json = Json.GSON.fromJson(text, JsonObject.class);
            if (json == null) {
                throw new IllegalArgumentException(source + " is empty; a preset is a JSON object");
            }
            return json;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage());
        }
    }
}
