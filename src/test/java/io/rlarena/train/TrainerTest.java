package io.rlarena.train;

import io.rlarena.env.EnvRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(TrainerTest.class.getClassLoader());

    @TempDir
    Path dir;

    private RunConfig config(long seed) {
        return Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of(), "dqn", null,
                List.of("learning_starts=200", "checkpoint_every=1000"), 2500L, seed)).config();
    }

    private List<String> learningColumns(Path run) throws Exception {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS)).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void sameSeedGivesIdenticalLearningFigures() throws Exception {
        Trainer.train(config(4), REGISTRY, new RunDirectory(dir.resolve("a")), Progress.NONE);
        Trainer.train(config(4), REGISTRY, new RunDirectory(dir.resolve("b")), Progress.NONE);
        Trainer.train(config(5), REGISTRY, new RunDirectory(dir.resolve("c")), Progress.NONE);
        List<String> a = learningColumns(dir.resolve("a"));
        assertTrue(a.size() > 20, "expected many episodes, got " + a.size());
        assertEquals(MetricsLog.HEADER.substring(0, MetricsLog.HEADER.lastIndexOf(',')), a.get(0));
        assertTrue(a.stream().skip(1).anyMatch(line -> !line.split(",")[4].isEmpty()), "losses are logged");
        assertEquals(a, learningColumns(dir.resolve("b")));
        assertNotEquals(a, learningColumns(dir.resolve("c")));
    }

    @Test
    void periodicEvaluationsKeepTheBestAgentWithoutChangingTraining() throws Exception {
        RunConfig withEvals = Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of(), "dqn", null,
                List.of("learning_starts=200", "checkpoint_every=0", "eval_every=1000", "eval_episodes=5"), 2500L, 4L))
                .config();
        RunDirectory run = new RunDirectory(dir.resolve("evals"));
        Trainer.train(withEvals, REGISTRY, run, Progress.NONE);
        List<String> evaluations = Files.readAllLines(run.path().resolve(RunDirectory.EVALUATIONS));
        assertEquals("step,mean_return,std_return,success_rate,mean_length,best", evaluations.get(0));
        assertEquals(List.of("1000", "2000", "2500"), evaluations.stream().skip(1).map(l -> l.split(",")[0]).toList());
        assertEquals("1", evaluations.get(1).split(",")[5], "the first evaluation is the best so far");
        assertTrue(Files.exists(run.bestFile()));
        assertEquals(run.bestFile(), run.finishedAgent());
        Trainer.train(config(4), REGISTRY, new RunDirectory(dir.resolve("plain")), Progress.NONE);
        assertEquals(learningColumns(dir.resolve("plain")), learningColumns(run.path()),
                "evaluating on its own seeds leaves training untouched");
    }

    @Test
    void runDirectoryHoldsConfigMetricsCheckpointsAndAgent() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Trainer.Result result = Trainer.train(config(1), REGISTRY, run, Progress.NONE);
        assertEquals(2500, result.steps());
        assertTrue(Files.exists(run.agentFile()));
        assertTrue(Files.readString(run.path().resolve(RunDirectory.CONFIG)).contains("\"seed\": 1"));
        try (var checkpoints = Files.list(run.path().resolve(RunDirectory.CHECKPOINTS))) {
            // checkpoint_every=1000 on 2,500 steps: shortened to 625 so a run writes at least 4
            assertEquals(List.of("step-000000000625.zip", "step-000000001250.zip", "step-000000001875.zip"),
                    checkpoints.map(p -> p.getFileName().toString()).sorted().toList());
        }
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(config(1), REGISTRY, run, Progress.NONE));
        assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
        assertTrue(Files.exists(run.agentFile()), "the earlier run is untouched");
    }
}
