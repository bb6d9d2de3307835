package io.rlarena;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.nn.HostileModelTest;
import io.rlarena.record.EpisodeFile;
import io.rlarena.record.Replay;
import io.rlarena.train.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded mutation fuzzer over every loader of user files (agent files, episode files, gridworld
 * maps, maze files, presets): each mutant must load or be refused with an
 * {@link IllegalArgumentException} naming the file (the CLI's exit 2); no other exception or
 * error, no mutant allowed to grow the heap past a bound, and the whole run bounded in time.
 */
class FileLoaderFuzzTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(FileLoaderFuzzTest.class.getClassLoader());
    private static final Path ROOT = Path.of(System.getProperty("rlarena.root", "."));
    /** Mutants per loader (about 8 s in all on 2 cores); {@code -Drlarena.fuzz.mutants=N} for a longer hunt. */
    private static final int MUTANTS = Integer.getInteger("rlarena.fuzz.mutants", 1000);
    /** Added to each loader's seed: {@code -Drlarena.fuzz.seed=K} draws other mutants. */
    private static final long SEED = Long.getLong("rlarena.fuzz.seed", 0);
    private static final long HEAP_BOUND = 512L << 20;

    @TempDir
    Path dir;

    @Test
    void agentFiles() throws Exception {
        byte[] agent = Files.readAllBytes(ROOT.resolve("agents/reference/TicTacToe-v0-dqn.zip"));
        fuzz("agent.zip", agent, 1, file -> AgentFile.load(file).policy(), true);
    }

    @Test
    void episodeFiles() throws Exception {
        byte[] episodes = Files.readAllBytes(ROOT.resolve("src/test/resources/golden/tictactoe-reference-agent.episodes.jsonl"));
        fuzz("episodes.jsonl", episodes, 2, file -> {
            EpisodeFile.Recording recording = EpisodeFile.read(file);
            try (Environment env = Replay.environment(REGISTRY, recording)) {
                Replay.run(recording, env, frame -> { });
            }
        }, false);
    }

    @Test
    void gridworldMaps() throws Exception {
        byte[] map = Files.readAllBytes(ROOT.resolve("environments/gridworld/frozenlake_8x8.txt"));
        fuzz("map.txt", map, 3, file -> REGISTRY.make("GridWorld-v0", Map.of("map_file", file.toString())).close(), false);
    }

    @Test
    void mazeFiles() throws Exception {
        byte[] maze = Files.readAllBytes(ROOT.resolve("environments/maze/spiral_9x9.txt"));
        fuzz("maze.txt", maze, 4, file -> REGISTRY.make("Maze-v0", Map.of("maze_file", file.toString())).close(), false);
    }

    @Test
    void presets() throws Exception {
        byte[] preset = Files.readAllBytes(ROOT.resolve("agents/dqn/Maze-v0.json"));
        fuzz("preset.json", preset, 5, file -> Presets.resolve(new Presets.Request("Maze-v0", Map.of(), "dqn", file,
                List.of(), null, 1L)), false);
    }

    /** Loads {@code MUTANTS} mutants of {@code original}; for zips, the entries are mutated inside as well. */
    private void fuzz(String name, byte[] original, long seed, Loader loader, boolean zip) throws Exception {
        SplittableRandom random = new SplittableRandom(seed + SEED);
        Path file = dir.resolve(name);
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = zip && random.nextBoolean() ? mutateInside(original, random) : mutate(original, random);
            Files.write(file, mutant);
            long before = usedHeap();
            try {
                loader.load(file);
            } catch (IllegalArgumentException e) {
                refused++;
                String message = String.valueOf(e.getMessage());
                if (!(message.contains(file.toString()) || message.contains(name)) || message.length() > 2000) {
                    Files.write(dir.resolve("failing-" + name), mutant);
                    fail("mutant " + i + " of " + name + " (seed " + seed + "): the message must name the file, in "
                            + "under 2000 characters: " + message, e);
                }
            } catch (Throwable e) {
                Files.write(dir.resolve("failing-" + name), mutant);
                fail("mutant " + i + " of " + name + " (seed " + seed + "): " + e + " instead of a clear refusal", e);
            }
            assertTrue(usedHeap() - before < HEAP_BOUND, "mutant " + i + " grew the heap by "
                    + (usedHeap() - before >> 20) + " MiB");
        }
        assertTrue(refused > MUTANTS / 4, "most mutants should be refused, only " + refused + " were");
    }

    /** Byte flips, cuts, duplications, insertions of digits and JSON punctuation, huge numbers. */
    private static byte[] mutate(byte[] data, SplittableRandom random) {
        byte[] out = data.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = java.util.Arrays.copyOf(out, at);
                case 2 -> out = splice(out, at, "9999999999999999999".getBytes(StandardCharsets.US_ASCII));
                case 3 -> out = splice(out, at, List.of("{", "}", "[", "]", "\"", ",", ":", "-1", "1e308", "NaN", "null")
                        .get(random.nextInt(11)).getBytes(StandardCharsets.US_ASCII));
                case 4 -> out = splice(out, at, java.util.Arrays.copyOfRange(out, at, Math.min(out.length, at + 64)));
                default -> out[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return out;
    }

    private static byte[] splice(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    /** A valid zip whose entries (and, for the model, the model's own entries) are mutated. */
    private static byte[] mutateInside(byte[] zip, SplittableRandom random) throws Exception {
        Map<String, byte[]> entries = HostileModelTest.entries(zip);
        List<String> names = List.copyOf(entries.keySet());
        String target = names.get(random.nextInt(names.size()));
        byte[] content = entries.get(target);
        entries.put(target, target.equals("model.zip") && random.nextBoolean()
                ? HostileModelTest.zip(mutateEntries(HostileModelTest.entries(content), random)) : mutate(content, random));
        return HostileModelTest.zip(entries);
    }

    private static Map<String, byte[]> mutateEntries(Map<String, byte[]> entries, SplittableRandom random) {
        List<String> names = List.copyOf(entries.keySet());
        String target = names.get(random.nextInt(names.size()));
        entries.put(target, mutate(entries.get(target), random));
        return entries;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @FunctionalInterface
    private interface Loader {
        void load(Path file) throws Exception;
    }
}
