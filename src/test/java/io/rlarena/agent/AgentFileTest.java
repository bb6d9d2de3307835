package io.rlarena.agent;

import com.google.gson.JsonObject;
import io.rlarena.agent.dqn.Dqn;
import io.rlarena.agent.dqn.DqnConfig;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.ObservationEncoding;
import io.rlarena.env.Wrapper;
import io.rlarena.train.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentFileTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(AgentFileTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static final AgentFile.EnvRef LAKE = new AgentFile.EnvRef("FrozenLake-v1", Map.of("is_slippery", "false"));

    @Test
    void roundTripKeepsTheManifestAndTheNetwork() {
        Environment env = ObservationEncoding.apply(REGISTRY.make("FrozenLake-v1", LAKE.options()), "onehot");
        Dqn dqn = new Dqn(DqnConfig.DEFAULTS, env, 5);
        Path file = dir.resolve("agent.zip");
        JsonObject config = new JsonObject();
        config.addProperty("note", "anything");
        AgentFile.save(file, AgentFile.Manifest.of("dqn", LAKE, "onehot", 5, 0), config, dqn.modelBytes(true));
        AgentFile.Contents loaded = AgentFile.load(file);
        assertEquals(AgentFile.Manifest.of("dqn", LAKE, "onehot", 5, 0), loaded.manifest());
        assertEquals(config, loaded.config());
        Policy policy = loaded.policy();
        boolean[] all = env.actionSpace().allLegal();
        for (int s = 0; s < 16; s++) {
            float[] observation = Wrapper.encode(env, new float[] {s});
            assertEquals(dqn.act(observation, all), policy.act(observation, all), "state " + s);
        }
        assertFalse(Files.exists(dir.resolve("agent.zip.tmp")));
    }

    @Test
    void goldenAgentFileOfFormatOneStillLoadsAndSolvesTheLake() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/frozenlake-4x4-deterministic-dqn.agent.zip").toURI());
        AgentFile.Contents agent = AgentFile.load(golden);
        AgentFile.Manifest manifest = agent.manifest();
        assertEquals(1, manifest.formatVersion());
        assertEquals("dqn", manifest.algorithm());
        assertEquals("FrozenLake-v1", manifest.env().id());
        assertEquals("false", manifest.env().options().get("is_slippery"));
        assertEquals(1, manifest.seed());
        assertEquals(20_000, manifest.steps());
        try (Environment env = ObservationEncoding.apply(REGISTRY.make("FrozenLake-v1", manifest.env().options()),
                manifest.observation())) {
            assertEquals(1.0, Evaluator.evaluate(env, agent.policy(), 3, 1).exactSuccessRate());
        }
    }

    @Test
    void truncatedFilesFailClearly() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/frozenlake-4x4-deterministic-dqn.agent.zip").toURI());
        byte[] bytes = Files.readAllBytes(golden);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentFile.load(truncated));
        assertTrue(e.getMessage().contains("damaged or truncated") && e.getMessage().contains("truncated.zip"),
                e.getMessage());
    }

    @Test
    void garbageAndForeignZipsFailClearly() throws Exception {
        Path garbage = dir.resolve("garbage.zip");
        Files.writeString(garbage, "not a zip at all");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentFile.load(garbage)).getMessage()
                .contains("damaged or truncated"));
        Path foreign = zip("foreign.zip", "{\"format\": \"something-else\", \"format_version\": 1}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentFile.load(foreign)).getMessage()
                .contains("not an rlarena agent file"));
        Path badJson = zip("badjson.zip", "{ this is not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentFile.load(badJson)).getMessage()
                .contains("bad JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentFile.load(dir.resolve("missing.zip")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void newerFormatsAskForAnUpgrade() throws Exception {
        Path newer = zip("newer.zip", "{\"format\": \"rlarena-agent\", \"format_version\": 2, \"rlarena_version\": \"9.0\","
                + " \"algorithm\": \"dqn\", \"env\": {\"id\": \"FrozenLake-v1\", \"options\": {}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentFile.load(newer));
        assertTrue(e.getMessage().contains("newer rlarena") && e.getMessage().contains("upgrade"), e.getMessage());
    }

    @Test
    void unreadableModelsFailClearly() throws Exception {
        Path file = dir.resolve("badmodel.zip");
        AgentFile.save(file, AgentFile.Manifest.of("dqn", LAKE, "onehot", 1, 1), new JsonObject(),
                "garbage".getBytes(StandardCharsets.UTF_8));
        AgentFile.Contents contents = AgentFile.load(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, contents::policy);
        assertTrue(e.getMessage().contains("DL4J model"), e.getMessage());
        assertArrayEquals("garbage".getBytes(StandardCharsets.UTF_8), contents.model());
    }

    private Path zip(String name, String manifest) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("model.zip"));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aZipBombIsRefusedNamingTheFileWithoutInflatingIt() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(Json.GSON.toJson(AgentFile.Manifest.of("dqn", LAKE, "onehot", 1, 1)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("model.zip"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) { // 200 MiB of zeros, about 200 KB deflated
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1 << 20, "a small file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentFile.load(bomb));
        assertTrue(e.getMessage().contains(bomb.toString()) && e.getMessage().contains("model.zip inflates to more than"),
                e.getMessage());
    }

    @Test
    void entriesRlarenaDoesNotWriteAreRefused() throws Exception {
        Path file = zip("extra.zip", Json.GSON.toJson(AgentFile.Manifest.of("dqn", LAKE, "onehot", 1, 1)));
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(file)) {
            Files.writeString(fs.getPath("payload.bin"), "anything");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentFile.load(file));
        assertTrue(e.getMessage().contains("payload.bin") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMalformedRecordedPluginIsADamagedManifest() throws Exception {
        String manifest = Json.GSON.toJson(AgentFile.Manifest.of("dqn", LAKE, "onehot", 1, 1))
                .replace("\"plugins\": []", "\"plugins\": [{\"path\": \"helper.jar\", \"sha256\": \"short\"}]");
        assertTrue(manifest.contains("helper.jar"), manifest);
        Path file = zip("plugin.zip", manifest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentFile.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("SHA-256"), e.getMessage());
    }
}
