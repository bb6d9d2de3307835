package io.rlarena.record;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Episode files: written through the recorder, read back, re-simulated and checked; broken files named by line. */
class EpisodeFileTest {

    static final EnvRegistry REGISTRY = EnvRegistry.load(EpisodeFileTest.class.getClassLoader());

    @TempDir
    Path dir;

    /** Records {@code episodes} episodes of random legal play in {@code env} with {@code options}. */
    static Path record(Path file, String env, Map<String, String> options, int episodes) {
        EpisodeFile.Header header = EpisodeFile.Header.of(env, options, "raw", "random play", "-");
        SplittableRandom random = new SplittableRandom(7);
        try (EpisodeRecorder recorder = new EpisodeRecorder(REGISTRY.make(env, options), file, header)) {
            for (int e = 0; e < episodes; e++) {
                recorder.reset(100 + e);
                boolean done = false;
                while (!done) {
                    done = recorder.step(recorder.actionSpace().sample(random, recorder.actionMask())).done();
                }
            }
            recorder.finish();
        }
        return file;
    }

    private static Replay.Mismatch verify(Path file) {
        EpisodeFile.Recording recording = EpisodeFile.read(file);
        try (Environment env = Replay.environment(REGISTRY, recording)) {
            return Replay.run(recording, env, frame -> { });
        }
    }

    @Test
    void recordedEpisodesOfEveryFamilyReSimulateExactly() {
        for (String env : List.of("CartPole-v1", "Maze-v0", "ConnectFour-v0", "FrozenLake-v1")) {
            Path file = record(dir.resolve(env + ".jsonl"), env, Map.of(), 3);
            EpisodeFile.Recording recording = EpisodeFile.read(file);
            assertEquals(3, recording.episodes().size(), env);
            assertEquals(env, recording.header().env());
            List<Replay.Frame> frames = new ArrayList<>();
            try (Environment replayed = Replay.environment(REGISTRY, recording)) {
                assertNull(Replay.run(recording, replayed, frames::add), env + " re-simulates as recorded");
            }
            int steps = recording.episodes().stream().mapToInt(e -> e.steps().size()).sum();
            assertEquals(steps + 3, frames.size(), "a frame per step plus one per reset");
            assertTrue(frames.get(frames.size() - 1).terminated() || frames.get(frames.size() - 1).truncated());
        }
    }

    @Test
    void anEditedRewardOrObservationFailsAtThatLine() throws Exception {
        Path file = record(dir.resolve("c4.jsonl"), "ConnectFour-v0", Map.of(), 2);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int edited = 5; // line 5: the third step of the first episode
        lines.set(edited - 1, lines.get(edited - 1).replace("\"reward\":0.0", "\"reward\":0.5"));
        Files.write(file, lines);
        Replay.Mismatch mismatch = verify(file);
        assertEquals(edited, mismatch.line());
        assertEquals(3, mismatch.t());
        assertTrue(mismatch.what().contains("recorded reward 0.5, re-simulated 0.0"), mismatch.what());

        Path maze = record(dir.resolve("maze.jsonl"), "Maze-v0", Map.of("size", "7"), 1);
        List<String> mazeLines = new ArrayList<>(Files.readAllLines(maze));
        mazeLines.set(2, mazeLines.get(2).replaceFirst(",0\\.0,", ",1.0,"));
        Files.write(maze, mazeLines);
        Replay.Mismatch observation = verify(maze);
        assertEquals(3, observation.line());
        assertTrue(observation.what().startsWith("recorded observation"), observation.what());
    }

    @Test
    void brokenFilesNameTheLineAndTheProblem() throws Exception {
        Path good = record(dir.resolve("good.jsonl"), "CartPole-v1", Map.of(), 1);
        String text = Files.readString(good);
        assertBroken(text.substring(0, text.length() - 30), "line", "bad JSON");
        assertBroken(text.replace("\"version\":1", "\"version\":9"), "line 1", "upgrade rlarena");
        assertBroken(text.replace("\"format\":\"rlarena-episodes\"", "\"format\":\"something\""), "line 1",
                "not an episode file");
        assertBroken(text.replace("\"t\":2,", "\"t\":5,"), "line 4", "step number 5 where 2 was expected");
        assertBroken(text.replaceFirst("\"action\":[01]", "\"action\":\"left\""), "line 3", "wrong type");
        assertBroken(text.replaceFirst(",\"truncated\":false", ""), "line 3", "missing 'truncated'");
        assertBroken("", "line 1", "empty");
        Path huge = dir.resolve("huge.jsonl");
        Files.writeString(huge, text.lines().findFirst().orElseThrow() + "\n[" + "1,".repeat(500_000) + "1]\n");
        IllegalArgumentException longLine = assertThrows(IllegalArgumentException.class, () -> EpisodeFile.read(huge));
        assertTrue(longLine.getMessage().contains("line 2") && longLine.getMessage().length() < 500,
                "the message quotes a long line in part: " + longLine.getMessage().length() + " characters");
        assertBroken(text.replaceFirst("\"action\":[01]", "\"action\":1.5"), "line 3", "action: expected a whole number");
        assertBroken(text.replaceFirst("\"terminated\":false", "\"terminated\":\"yes\""), "line 3",
                "terminated: expected true or false, got the string \"yes\"");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> EpisodeFile.read(dir.resolve("none.jsonl")));
        assertTrue(missing.getMessage().contains("does not exist"));
        Path outside = dir.resolve("outside.jsonl");
        Files.writeString(outside, text.replaceFirst("\"action\":[01]", "\"action\":7"));
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class, () -> verify(outside));
        assertTrue(action.getMessage().contains("line 3") && action.getMessage().contains("action 7 is outside"),
                action.getMessage());
    }

    private void assertBroken(String content, String line, String what) throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpisodeFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(line)
                && e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void theGoldenFileStillReadsAndVerifies() {
        Path golden = Path.of(System.getProperty("rlarena.root", "."), "src", "test", "resources", "golden",
                "tictactoe-reference-agent.episodes.jsonl");
        EpisodeFile.Recording recording = EpisodeFile.read(golden);
        assertEquals(2, recording.episodes().size());
        assertEquals("TicTacToe-v0", recording.header().env());
        assertNull(verify(golden));
    }
}
