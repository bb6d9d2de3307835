package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints and resume: a real training process killed with SIGKILL, then resumed to the end. */
class ResumeTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(ResumeTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static RunConfig lake(String agent, long steps, int checkpointEvery) {
        return Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of("is_slippery", "false"), agent, null,
                List.of("checkpoint_every=" + checkpointEvery), steps, 5L)).config();
    }

    private static EvalResult evaluate(Path agentFile) {
        AgentFile.Contents agent = AgentFile.load(agentFile);
        try (Environment env = Trainer.makeEnv(REGISTRY, agent.manifest().env().id(), agent.manifest().env().options(),
                agent.manifest().observation())) {
            return Evaluator.evaluate(env, agent.policy(), 10, 3);
        }
    }

    @Test
    void aRunKilledMidwayResumesFromItsLastCheckpointAndFinishesAsWellAsAnUninterruptedOne() throws Exception {
        Path run = dir.resolve("killed");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-cp", System.getProperty("java.class.path"), "io.rlarena.cli.Main", "train", "--env", "FrozenLake-v1",
                "--env-opt", "is_slippery=false", "--agent", "dqn", "--seed", "5", "--steps", "20000",
                "--set", "checkpoint_every=2000", "--run-dir", run.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("train.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (checkpoints(run).size() < 2 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(process.isAlive(), "the run must still be going when it is killed:\n"
                + Files.readString(dir.resolve("train.log")));
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, files left as they are
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(run.resolve(RunDirectory.AGENT)), "killed before the end");

        long checkpointStep = AgentFile.load(new RunDirectory(run).latestCheckpoint().orElseThrow()).manifest().steps();
        Trainer.Result resumed = Trainer.resume(new RunDirectory(run), REGISTRY, Progress.NONE);
        assertEquals(20_000, resumed.steps());
        AgentFile.Contents agent = AgentFile.load(run.resolve(RunDirectory.AGENT));
        assertEquals(20_000, agent.manifest().steps());
        try (Stream<Path> files = Files.walk(run)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "no half-written file");
        }
        // metrics: one header, steps increasing, nothing logged twice around the checkpoint
        List<String> rows = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        assertEquals(MetricsLog.HEADER, rows.get(0));
        long previous = 0;
        for (String row : rows.subList(1, rows.size())) {
            long step = Long.parseLong(row.substring(0, row.indexOf(',')));
            assertTrue(step > previous, "steps increase: " + previous + " then " + step);
            previous = step;
        }
        assertEquals(20_000, previous, 100, "the last episode ends near the budget");

        Path uninterrupted = dir.resolve("uninterrupted");
        Trainer.train(lake("dqn", 20_000, 2000), REGISTRY, new RunDirectory(uninterrupted), Progress.NONE);
        EvalResult reference = evaluate(uninterrupted.resolve(RunDirectory.AGENT));
        EvalResult afterResume = evaluate(run.resolve(RunDirectory.AGENT));
        assertEquals(1.0, reference.exactSuccessRate(), 1e-12);
        assertEquals(reference.exactSuccessRate(), afterResume.exactSuccessRate(), 1e-12);
        assertEquals(reference.meanLength(), afterResume.meanLength(), 1e-12, "both on the 6-step shortest path");
        // and bit for bit: SIGKILL at an arbitrary moment, then --resume, is the uninterrupted run
        assertEquals(learningColumns(uninterrupted), learningColumns(run), "metrics.csv learning columns");
        assertEquals(AgentFile.load(uninterrupted.resolve(RunDirectory.AGENT)).manifest(),
                AgentFile.load(run.resolve(RunDirectory.AGENT)).manifest());
        assertArrayEquals(weights(uninterrupted), weights(run), "the same final weights");
    }

    @Test
    void policyGradientRunsResumeToo() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("ppo"));
        Trainer.train(lake("ppo", 20_000, 4096), REGISTRY, run, Progress.NONE);
        // pretend the run died after its last checkpoint
        Files.delete(run.agentFile());
        Trainer.Result resumed = Trainer.resume(run, REGISTRY, Progress.NONE);
        assertEquals(20_000, resumed.steps());
        assertEquals(1.0, evaluate(run.agentFile()).exactSuccessRate(), 1e-12);
        IllegalArgumentException finished = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(run, REGISTRY, Progress.NONE));
        assertTrue(finished.getMessage().contains("already finished"), finished.getMessage());
        IllegalArgumentException notARun = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(new RunDirectory(dir.resolve("nothing")), REGISTRY, Progress.NONE));
        assertTrue(notARun.getMessage().contains("not a run directory"), notARun.getMessage());
    }

    private static List<String> learningColumns(Path run) throws Exception {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS)).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    private static float[] weights(Path run) {
        return io.rlarena.nn.ModelBytes.read(AgentFile.load(run.resolve(RunDirectory.AGENT)).model(), false).params()
                .toFloatVector();
    }

    private static List<Path> checkpoints(Path run) {
        Path folder = run.resolve(RunDirectory.CHECKPOINTS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".zip")).toList());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
