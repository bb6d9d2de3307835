package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.envs.board.Opponent;
import io.rlarena.envs.board.TicTacToe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfPlayTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(SelfPlayTest.class.getClassLoader());

    @TempDir
    Path dir;

    @Test
    void trainingPlaysItsOwnSnapshotsAndSavesThePool() throws Exception {
        RunConfig config = Presets.resolve(new Presets.Request("TicTacToe-v0", Map.of("opponent", "self+random"), "ppo",
                null, List.of("checkpoint_every=1024", "n_envs=4", "n_steps=16"), 4096L, 1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Trainer.Result result = Trainer.train(config, REGISTRY, run, Progress.NONE);
        assertTrue(result.episodes() > 100);
        List<Path> pool;
        try (Stream<Path> files = Files.list(run.path().resolve(RunDirectory.POOL))) {
            pool = files.sorted().toList();
        }
        assertEquals(List.of("step-000000000000.zip", "step-000000001024.zip", "step-000000002048.zip",
                "step-000000003072.zip"), pool.stream().map(p -> p.getFileName().toString()).toList(),
                "a snapshot at the start and at every checkpoint before the end");
        // a snapshot is an agent file that plays like any other
        Arena.Report report = Arena.play(TicTacToe::new, List.of(Arena.Player.parse(pool.get(3).toString()),
                Arena.Player.parse("random")), 4, 1);
        assertEquals(4, report.pairs().get(0).games());
        assertEquals(4096L, AgentFile.load(run.agentFile()).manifest().steps());
    }

    @Test
    void thePoolPrefersTheLatestSnapshotAndKeepsThePastInPlay() {
        SelfPlayPool pool = new SelfPlayPool();
        for (int i = 0; i < 3; i++) {
            int action = i;
            pool.add("step " + i, (observation, mask) -> action);
        }
        int[] counts = new int[3];
        SplittableRandom random = new SplittableRandom(1);
        TicTacToe game = new TicTacToe();
        for (int i = 0; i < 4000; i++) {
            counts[pool.forNewGame(random).move(game, random)]++;
        }
        assertEquals(2000, counts[2], 100, "the latest plays half of the games");
        assertEquals(1000, counts[0], 100);
        assertEquals(1000, counts[1], 100);
    }

    @Test
    void selfPlayOutsideTrainingIsAClearError() {
        try (Environment env = REGISTRY.make("TicTacToe-v0", Map.of("opponent", "self", "side", "second"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.reset(1));
            assertTrue(e.getMessage().contains("only in 'rlarena train'"), e.getMessage());
        }
    }
}
