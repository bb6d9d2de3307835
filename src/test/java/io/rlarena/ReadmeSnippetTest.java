package io.rlarena;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Java example, copied out of the README verbatim, compiled and run as it says. */
class ReadmeSnippetTest {

    private static final Path ROOT = Path.of(System.getProperty("rlarena.root", "."));

    @TempDir
    Path dir;

    @Test
    void theReadmesJavaExampleRunsOnTheReadmesAgent() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?public class PlayLake.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README holds the PlayLake example");
        String source = block.group(1).lines().map(line -> line.startsWith("  ") ? line.substring(2) : line)
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(dir.resolve("PlayLake.java"), source);
        // the quick start's agent: a DQN trained on the deterministic lake (the golden file is one)
        Files.createDirectories(dir.resolve("runs/lake"));
        Files.copy(ROOT.resolve("src/test/resources/golden/frozenlake-4x4-deterministic-dqn.agent.zip"),
                dir.resolve("runs/lake/agent.zip"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-cp",
                System.getProperty("java.class.path"), "PlayLake.java")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.lines().anyMatch(line -> line.equals("return 1.0")), output);
    }
}
