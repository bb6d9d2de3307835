package io.rlarena.train;

import io.rlarena.env.EnvRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run directory protects: other files, a run being written, damaged checkpoints, edited configs. */
class RunSafetyTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(RunSafetyTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static RunConfig lake(long steps, String... sets) {
        return Presets.resolve(new Presets.Request("FrozenLake-v1", Map.of("is_slippery", "false"), "dqn", null,
                List.of(sets), steps, 5L)).config();
    }

    /** A run killed after its checkpoints: agent.zip removed, as if the process died before the end. */
    private RunDirectory interrupted(String name, long steps) throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve(name));
        Trainer.train(lake(steps, "learning_starts=100"), REGISTRY, run, Progress.NONE);
        Files.delete(run.agentFile());
        return run;
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path folder = dir.resolve("mine");
        Files.createDirectories(folder.resolve(RunDirectory.CHECKPOINTS));
        Files.writeString(folder.resolve(RunDirectory.METRICS), "my own data\n");
        Files.writeString(folder.resolve(RunDirectory.CHECKPOINTS).resolve("keep.zip"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(lake(500), REGISTRY, new RunDirectory(folder), Progress.NONE));
        assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains(folder.toString()), e.getMessage());
        assertEquals("my own data\n", Files.readString(folder.resolve(RunDirectory.METRICS)));
        assertEquals("mine", Files.readString(folder.resolve(RunDirectory.CHECKPOINTS).resolve("keep.zip")));
        assertFalse(Files.exists(folder.resolve(RunDirectory.CONFIG)));
    }

    @Test
    void aRunBeingWrittenCannotBeResumedByASecondWriter() throws Exception {
        RunDirectory run = interrupted("locked", 1000);
        String metrics = Files.readString(run.metricsFile());
        try (RunDirectory.Lock held = run.lock()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Trainer.resume(run, REGISTRY, Progress.NONE));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
        }
        assertEquals(metrics, Files.readString(run.metricsFile()), "the refused resume wrote nothing");
        Trainer.resume(run, REGISTRY, Progress.NONE);
        assertTrue(Files.exists(run.agentFile()), "once released, the run resumes");
    }

    @Test
    void aShortRunCheckpointsSeveralTimesWhateverItsPresetSays() throws Exception {
        RunConfig config = lake(2000, "checkpoint_every=5000");
        assertEquals(500, config.checkpointInterval());
        RunDirectory run = new RunDirectory(dir.resolve("short"));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        assertEquals(List.of("step-000000000500.zip", "step-000000001000.zip", "step-000000001500.zip"),
                run.checkpoints().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToTheNewestValidOne() throws Exception {
        RunDirectory run = interrupted("damaged", 2000);
        List<Path> checkpoints = run.checkpoints();
        Path newest = checkpoints.get(checkpoints.size() - 1);
        Files.write(newest, new byte[0]); // what a power cut without fsync leaves
        Notes recording = new Notes();
        List<String> notes = recording.notes;
        Files.writeString(run.path().resolve("curve.png.tmp"), "a plot a kill cut off");
        Trainer.Result result = Trainer.resume(run, REGISTRY, recording);
        assertFalse(Files.exists(run.path().resolve("curve.png.tmp")), "leftovers of the killed process are removed");
        assertEquals(2000, result.steps());
        assertTrue(notes.stream().anyMatch(n -> n.contains(newest.toString())), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains(checkpoints.get(checkpoints.size() - 2).toString())),
                notes.toString());
    }

    @Test
    void anEditedConfigIsRefusedNamingTheField() throws Exception {
        RunDirectory run = interrupted("edited", 1000);
        Path config = run.path().resolve(RunDirectory.CONFIG);
        String original = Files.readString(config);
        Files.writeString(config, original.replace("\"steps\": 1000", "\"steps\": 1500"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(run, REGISTRY, Progress.NONE));
        assertTrue(e.getMessage().contains("steps is 1500 in config.json but 1000 in the checkpoint"), e.getMessage());
        Files.writeString(config, original.replace("\"is_slippery\": \"false\"", "\"is_slippery\": \"true\""));
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(run, REGISTRY, Progress.NONE));
        assertTrue(option.getMessage().contains("env_options.is_slippery"), option.getMessage());
    }

    /** A progress that keeps its notes. */
    private static final class Notes implements Progress {
        final List<String> notes = new java.util.ArrayList<>();

        @Override
        public void update(long step, String status) {
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anExplodingLearningRateStopsTrainingWithAClearMessage() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("diverged"));
        Trainer.TrainingDiverged e = assertThrows(Trainer.TrainingDiverged.class, () -> Trainer.train(
                lake(3000, "learning_starts=100", "learning_rate=1e30"), REGISTRY, run, Progress.NONE));
        assertTrue(e.getMessage().contains("diverged at step") && e.getMessage().contains("learning_rate=1.0E30")
                && e.getMessage().contains("on_divergence=warn"), e.getMessage());
        assertFalse(Files.exists(run.agentFile()));

        RunDirectory warned = new RunDirectory(dir.resolve("warned"));
        Notes notes = new Notes();
        Trainer.train(lake(3000, "learning_starts=100", "learning_rate=1e30", "on_divergence=warn"), REGISTRY, warned,
                notes);
        assertEquals(1, notes.notes.size(), notes.notes.toString());
        assertTrue(Files.readAllLines(warned.metricsFile()).stream().anyMatch(l -> l.split(",")[4].equals("NaN")),
                "a NaN loss is written as NaN, not as the empty 'no update yet'");
        IllegalArgumentException load = assertThrows(IllegalArgumentException.class,
                () -> io.rlarena.agent.AgentFile.load(warned.agentFile()).policy());
        assertTrue(load.getMessage().contains("not all finite") && load.getMessage().contains(warned.agentFile().toString()),
                load.getMessage());
    }

    @Test
    void aNonFiniteRewardStopsTraining() {
        RunConfig config = Presets.resolve(new Presets.Request(io.rlarena.env.TestEnvs.NanReward.class.getName(), Map.of(),
                "dqn", null, List.of(), 300L, 1L)).config();
        Trainer.TrainingDiverged e = assertThrows(Trainer.TrainingDiverged.class, () -> Trainer.train(config,
                REGISTRY, new RunDirectory(dir.resolve("nan")), Progress.NONE));
        assertTrue(e.getMessage().contains("non-finite reward"), e.getMessage());
    }

    @Test
    void aForeignFileInTheSelfPlayPoolIsLeftAloneOnResume() throws Exception {
        RunConfig config = Presets.resolve(new Presets.Request("TicTacToe-v0", Map.of("opponent", "self+random"), "ppo",
                null, List.of("checkpoint_every=512", "n_envs=4", "n_steps=16"), 2048L, 1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve("selfplay"));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        Files.delete(run.agentFile());
        Path foreign = run.path().resolve(RunDirectory.POOL).resolve("notes.zip");
        Files.writeString(foreign, "not a snapshot");
        Trainer.resume(run, REGISTRY, Progress.NONE);
        assertTrue(Files.exists(run.agentFile()));
        assertEquals("not a snapshot", Files.readString(foreign));
    }
}
