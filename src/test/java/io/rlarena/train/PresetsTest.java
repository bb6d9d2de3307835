package io.rlarena.train;

import io.rlarena.agent.dqn.DqnConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {

    private static RunConfig resolve(String env, List<String> sets) {
        return Presets.resolve(new Presets.Request(env, Map.of(), "dqn", null, sets, null, 9L)).config();
    }

    private static DqnConfig dqn(RunConfig config) {
        return Configs.fromJson(config.hyperparameters(), DqnConfig.class, "test");
    }

    @Test
    void builtInPresetSuppliesTheDefaults() {
        RunConfig config = resolve("CliffWalking-v0", List.of());
        assertEquals(20_000, config.steps());
        assertEquals(9, config.seed());
        assertEquals("onehot", config.observation());
        assertEquals("200", config.envOptions().get("max_episode_steps"));
        assertEquals(250, dqn(config).targetUpdateInterval());
    }

    @Test
    void setOverridesTypedAndNestedKeys() {
        RunConfig config = resolve("FrozenLake-v1", List.of("learning_rate=5e-4", "double_q=false",
                "network.hidden=128,32", "network.activation=tanh", "steps=1_000", "observation=raw"));
        DqnConfig dqn = dqn(config);
        assertEquals(5e-4, dqn.learningRate());
        assertEquals(false, dqn.doubleQ());
        assertEquals(List.of(128, 32), dqn.network().hidden());
        assertEquals("tanh", dqn.network().activation());
        assertEquals(1000, config.steps());
        assertEquals("raw", config.observation());
    }

    @Test
    void evaluationSettingsAreValidated() {
        RunConfig config = resolve("FrozenLake-v1", List.of("eval_every=500", "eval_episodes=20"));
        assertEquals(500, config.evalEvery());
        assertEquals(20, config.evalEpisodes());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("eval_every=500", "eval_episodes=0"))).getMessage()
                .contains("eval_episodes"));
    }

    @Test
    void unknownKeysListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("learnin_rate=0.1")));
        assertTrue(e.getMessage().contains("'learnin_rate'") && e.getMessage().contains("learning_rate")
                && e.getMessage().contains("network.hidden") && e.getMessage().contains("steps"), e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndTheRule() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("batch_size=many")));
        assertTrue(type.getMessage().contains("batch_size=many") && type.getMessage().contains("number"), type.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("gamma=2")));
        assertTrue(range.getMessage().contains("dqn.gamma must be in") && range.getMessage().contains("2.0"),
                range.getMessage());
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("double_q=yes")));
        assertTrue(bool.getMessage().contains("true or false"), bool.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolve("FrozenLake-v1", List.of("observation=pixels")));
        assertThrows(IllegalArgumentException.class, () -> resolve("FrozenLake-v1", List.of("no-equals-sign")));
    }

    @Test
    void everyBuiltInEnvHasAValidDqnPreset() {
        for (var registration : io.rlarena.env.EnvRegistry.load(getClass().getClassLoader()).registrations()) {
            Presets.Resolved resolved = Presets.resolve(new Presets.Request(registration.id(), Map.of(), "dqn", null,
                    List.of(), null, 1L));
            assertEquals("agents/dqn/" + registration.id() + ".json", resolved.presetSource());
        }
    }

    @Test
    void everyPresetFileInAgentsIsValid() throws Exception {
        Path agents = Path.of(System.getProperty("rlarena.root", "."), "agents", "dqn");
        try (var files = Files.list(agents)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String env = file.getFileName().toString().replaceFirst("^(.*?-v[0-9]+)(-[a-z0-9]+)?\\.json$", "$1");
                RunConfig config = Presets.resolve(new Presets.Request(env, Map.of(), "dqn", file, List.of(), null, 1L))
                        .config();
                assertTrue(config.steps() > 0, file.toString());
            }
        }
    }

    @Test
    void variantsApplyOnlyToTheirOptionValues() {
        RunConfig slippery = resolve("FrozenLake-v1", List.of());
        RunConfig deterministic = Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of("is_slippery", "false"),
                "dqn", null, List.of("steps=123"), null, 1L)).config();
        assertEquals(60_000, slippery.steps());
        assertEquals(1, dqn(slippery).trainFreq());
        assertEquals(4, dqn(deterministic).trainFreq());
        assertEquals(123, deterministic.steps(), "the user's --set wins over the variant");
    }

    @Test
    void variantsMatchOptionValuesAsTheEnvironmentReadsThem() {
        for (String spelling : new String[] {"False", "0", "no"}) {
            RunConfig config = Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of("is_slippery", spelling),
                    "dqn", null, List.of(), null, 1L)).config();
            assertEquals(20_000, config.steps(), spelling);
        }
    }

    @Test
    void aRunsConfigJsonIsAPresetThatRepeatsTheRun() throws Exception {
        RunConfig original = Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of("is_slippery", "false"),
                "dqn", null, List.of("gamma=0.95", "steps=777"), null, 42L)).config();
        Path configJson = Files.createTempFile("config", ".json");
        Files.writeString(configJson, io.rlarena.agent.Json.GSON.toJson(original));
        RunConfig repeated = Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of(), "dqn", configJson,
                List.of(), null, null)).config();
        assertEquals(original, repeated);
    }

    @Test
    void envsWithoutAPresetUseTheAlgorithmDefaults() {
        Presets.Resolved resolved = Presets.resolve(new Presets.Request("some.Class", Map.of(), "dqn", null, List.of(),
                null, 1L));
        assertTrue(resolved.presetSource().contains("defaults"));
        assertEquals(DqnConfig.DEFAULTS, dqn(resolved.config()));
    }

    @Test
    void presetFilesAreCheckedStrictly() throws Exception {
        Path file = Files.createTempFile("preset", ".json");
        Files.writeString(file, "{\"algorithm\": \"dqn\", \"hyperparameters\": {\"gama\": 0.9}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.resolve(
                new Presets.Request("FrozenLake-v1", Map.of(), "dqn", file, List.of(), null, 1L)));
        assertTrue(e.getMessage().contains("'gama'") && e.getMessage().contains(file.toString()), e.getMessage());
        Files.writeString(file, "{ not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.resolve(new Presets.Request(
                "FrozenLake-v1", Map.of(), "dqn", file, List.of(), null, 1L))).getMessage().contains("not valid JSON"));
        assertThrows(IllegalArgumentException.class, () -> Presets.resolve(new Presets.Request("FrozenLake-v1",
                Map.of(), "ppo-not-yet", null, List.of(), null, 1L)));
    }

    @Test
    void numbersAreNeverWrappedOrTruncated() throws Exception {
        IllegalArgumentException wrapped = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("checkpoint_every=4294967796")));
        assertTrue(wrapped.getMessage().contains("checkpoint_every") && wrapped.getMessage().contains("4294967796"),
                wrapped.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> resolve("FrozenLake-v1", List.of("batch_size=1.5")));
        assertTrue(fraction.getMessage().contains("batch_size") && fraction.getMessage().contains("1.5"),
                fraction.getMessage());
        Path preset = Files.createTempFile("preset", ".json");
        for (String body : List.of("{\"eval_every\": 1.5}", "{\"steps\": 1e30}", "{\"hyperparameters\": {\"double_q\": \"yes\"}}")) {
            Files.writeString(preset, body);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.resolve(
                    new Presets.Request("FrozenLake-v1", Map.of(), "dqn", preset, List.of(), null, 1L)));
            String key = body.substring(body.lastIndexOf('{') + 2, body.indexOf('"', body.lastIndexOf('{') + 2));
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains(preset.toString()), e.getMessage());
        }
        Files.delete(preset);
    }

    @Test
    void aMissingKeyInACompleteFileIsNamed() {
        com.google.gson.JsonObject json = Configs.toJson(resolve("FrozenLake-v1", List.of()));
        json.remove("seed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configs.fromJson(json, RunConfig.class, "runs/x/config.json"));
        assertTrue(e.getMessage().contains("runs/x/config.json") && e.getMessage().contains("'seed' is missing"),
                e.getMessage());
        com.google.gson.JsonObject hyper = json.getAsJsonObject("hyperparameters");
        hyper.getAsJsonObject("network").remove("hidden");
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> Configs.fromJson(hyper, DqnConfig.class, "dqn hyperparameters"));
        assertTrue(nested.getMessage().contains("'network.hidden' is missing"), nested.getMessage());
    }

    @Test
    void aDeeplyNestedPresetIsABadInputNotACrash() throws Exception {
        Path preset = Files.createTempFile("nested", ".json");
        Files.writeString(preset, "{\"hyperparameters\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.resolve(
                new Presets.Request("FrozenLake-v1", Map.of(), "dqn", preset, List.of(), null, 1L)));
        assertTrue(e.getMessage().contains(preset.toString()), e.getMessage());
        Files.delete(preset);
    }
}
