package io.rlarena.cli;

import io.rlarena.env.EnvChecker;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example environment in examples/corridor, compiled here the way a user would compile it
 * (against rlarena's classes only), then plugged in without rebuilding rlarena.
 */
class PluginTest {

    @TempDir
    static Path pluginDir;

    @BeforeAll
    static void compileTheExample() throws Exception {
        Path example = Path.of(System.getProperty("rlarena.root", "."), "examples", "corridor");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", pluginDir.toString(),
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(example.resolve("src"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "example compiles");
        Path services = pluginDir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.copy(example.resolve("resources/META-INF/services/io.rlarena.env.EnvProvider"),
                services.resolve("io.rlarena.env.EnvProvider"));
        Path presets = pluginDir.resolve("agents/dqn");
        Files.createDirectories(presets);
        Files.copy(example.resolve("resources/agents/dqn/Corridor-v0.json"), presets.resolve("Corridor-v0.json"));
    }

    @Test
    void serviceLoaderFindsThePluginsIds() throws Exception {
        assertFalse(EnvRegistry.load(getClass().getClassLoader()).find("Corridor-v0").isPresent());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginDir.toUri().toURL()},
                getClass().getClassLoader())) {
            EnvRegistry registry = EnvRegistry.load(loader);
            assertTrue(registry.find("Corridor-v0").isPresent());
            Environment corridor = registry.make("Corridor-v0", Map.of("length", "5"));
            assertEquals(20, corridor.spec().maxEpisodeSteps());
            assertTrue(EnvChecker.check(() -> registry.make("Corridor-v0", Map.of()), 0).ok());
        }
    }

    @Test
    void theCliTakesThePluginByIdOrByClassName() {
        String plugin = pluginDir.toString();
        Cli envs = Cli.run("envs", "--plugin", plugin);
        assertTrue(envs.out().contains("Corridor-v0"), envs.out());
        Cli byId = Cli.run("check-env", "Corridor-v0", "--plugin", plugin, "--env-opt", "length=6");
        assertEquals(0, byId.exitCode(), byId.out() + byId.err());
        Cli byClass = Cli.run("check-env", "example.corridor.Corridor", "--plugin", plugin);
        assertEquals(0, byClass.exitCode(), byClass.out() + byClass.err());
        Cli typo = Cli.run("check-env", "example.corridor.Corridor", "--plugin", plugin, "--env-opt", "lenght=6");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("does not read the option(s) [lenght]") && typo.err().contains("[length]"),
                typo.err());
        Cli missing = Cli.run("check-env", "example.corridor.Corridor");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--plugin"), missing.err());
    }

    @Test
    void aProviderThatCannotBeLoadedIsReportedAsBadInput() throws Exception {
        Path broken = pluginDir.resolveSibling(pluginDir.getFileName() + "-broken");
        Files.createDirectories(broken.resolve("META-INF/services"));
        Files.writeString(broken.resolve("META-INF/services/io.rlarena.env.EnvProvider"), "no.such.Provider\n");
        Cli envs = Cli.run("envs", "--plugin", broken.toString());
        assertEquals(2, envs.exitCode());
        assertTrue(envs.err().contains("cannot be loaded") && envs.err().contains("no.such.Provider"), envs.err());
    }

    @Test
    void agentsTrainAndEvaluateOnThePlugin() {
        Path run = pluginDir.resolveSibling(pluginDir.getFileName() + "-run");
        Cli train = Cli.run("train", "--env", "Corridor-v0", "--plugin", pluginDir.toString(), "--env-opt", "length=5",
                "--seed", "2",
                "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        assertTrue(train.out().contains("agents/dqn/Corridor-v0.json") && train.out().contains("3,000 steps"),
                "the plug-in's own preset is used: " + train.out());
        // the run remembers its plug-in: what train prints next works as printed
        assertTrue(train.out().contains("next:  ./rlarena eval --run " + run), train.out());
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "3", "--seed", "1", "--json", "--record",
                run.resolve("episodes.jsonl").toString());
        assertEquals(0, eval.exitCode(), eval.err());
        // an episode file (like an agent file) may come from anywhere: its plug-in is named, never loaded unasked
        Cli unasked = Cli.run("replay", run.resolve("episodes.jsonl").toString(), "--verify");
        assertEquals(2, unasked.exitCode());
        assertTrue(unasked.err().contains("was made with the plug-in " + pluginDir.toAbsolutePath())
                && unasked.err().contains("pass --plugin"), unasked.err());
        Cli replay = Cli.run("replay", run.resolve("episodes.jsonl").toString(), "--verify", "--plugin",
                pluginDir.toString());
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
        Cli agentFile = Cli.run("eval", "--agent-file", run.resolve("agent.zip").toString(), "--episodes", "1");
        assertEquals(2, agentFile.exitCode());
        assertTrue(agentFile.err().contains("loads a plug-in only when asked"), agentFile.err());
        assertTrue(eval.out().contains("\"success_rate\": 1.0"), "walks to the end: " + eval.out());
        assertTrue(eval.out().contains("\"mean_length\": 4.0"), "in 4 steps: " + eval.out());
        assertTrue(new File(run.toFile(), "agent.zip").exists());
    }

    @Test
    void aPluginThatIsNoJarIsRefusedNotIgnored() throws Exception {
        Path notAJar = pluginDir.resolveSibling("not-a-jar-" + System.nanoTime() + ".jar");
        Files.writeString(notAJar, "this is not a zip");
        Cli envs = Cli.run("envs", "--plugin", notAJar.toString());
        assertEquals(2, envs.exitCode());
        assertTrue(envs.err().contains(notAJar.toString()) && envs.err().contains("not a readable jar"), envs.err());
        Files.delete(notAJar);
    }

    @Test
    void aRecordedPluginThatIsGoneIsNamed() throws Exception {
        Path copy = pluginDir.resolveSibling(pluginDir.getFileName() + "-copy");
        try (Stream<Path> files = Files.walk(pluginDir)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(pluginDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path run = pluginDir.resolveSibling(pluginDir.getFileName() + "-gone");
        Cli train = Cli.run("train", "--env", "Corridor-v0", "--plugin", copy.toString(), "--steps", "300",
                "--seed", "2", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.out() + train.err());
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Cli eval = Cli.run("eval", "--run", run.toString(), "--episodes", "1");
        assertEquals(2, eval.exitCode());
        assertTrue(eval.err().contains("was made with the plug-in " + copy.toAbsolutePath())
                && eval.err().contains("--plugin"), eval.err());
    }
}
