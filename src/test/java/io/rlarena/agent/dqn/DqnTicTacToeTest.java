package io.rlarena.agent.dqn;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.envs.board.AlphaBeta;
import io.rlarena.envs.board.TicTacToe;
import io.rlarena.train.Arena;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.Presets;
import io.rlarena.train.Progress;
import io.rlarena.train.RunConfig;
import io.rlarena.train.RunDirectory;
import io.rlarena.train.Trainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DQN on tic-tac-toe, checked against perfect play exhaustively: every line minimax can choose
 * (all of its equally best replies), not a sample of games.
 */
class DqnTicTacToeTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(DqnTicTacToeTest.class.getClassLoader());
    private static final AlphaBeta PERFECT = new AlphaBeta(AlphaBeta.FULL_DEPTH);

    @TempDir
    Path dir;

    private AgentFile.Contents train(Long steps) {
        RunConfig config = Presets.resolve(new Presets.Request("TicTacToe-v0", Map.of(), "dqn", null, List.of(), steps,
                1L)).config();
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Trainer.train(config, REGISTRY, run, Progress.NONE);
        return AgentFile.load(run.agentFile());
    }

    private static Arena.Lines againstPerfectPlay(AgentFile.Contents agent, int side) {
        return Arena.allLines(new TicTacToe(), new Arena.PolicyPlayer("agent", agent.policy()), side, PERFECT);
    }

    private static EvalResult againstRandom(AgentFile.Contents agent, String side) {
        try (Environment env = REGISTRY.make("TicTacToe-v0", Map.of("opponent", "random", "side", side))) {
            return Evaluator.evaluate(env, agent.policy(), 1000, 11);
        }
    }

    @Test
    void aShortRunAlreadyNeverLosesAsFirstPlayerAndMostlyBeatsRandom() {
        AgentFile.Contents agent = train(20_000L);
        Arena.Lines first = againstPerfectPlay(agent, 0);
        assertEquals(0, first.losses(), "no line of perfect play beats it as first player: " + first);
        EvalResult random = againstRandom(agent, "first");
        assertTrue(random.successRate() >= 0.85, "wins against random as first player: " + random.successRate());
    }

    @Test
    void theReferenceAgentNeverLosesToPerfectPlayFromEitherSide() {
        AgentFile.Contents agent = AgentFile.load(Path.of(System.getProperty("rlarena.root", "."), "agents", "reference",
                "TicTacToe-v0-dqn.zip"));
        checkPerfect(agent);
    }

    @Tag("slow")
    @Test
    void thePresetLearnsToNeverLoseToPerfectPlay() {
        checkPerfect(train(null));
    }

    private static void checkPerfect(AgentFile.Contents agent) {
        for (int side = 0; side < 2; side++) {
            Arena.Lines lines = againstPerfectPlay(agent, side);
            assertEquals(0, lines.losses(), "side " + side + ": " + lines);
            assertEquals(lines.games(), lines.draws(), "perfect play cannot be beaten either: " + lines);
        }
        EvalResult random = againstRandom(agent, "first");
        assertTrue(random.successRate() >= 0.95, "wins against random as first player: " + random.successRate());
        assertEquals(random.successRate(), random.meanReturn(), 1e-12, "no draws or losses cost anything: never loses");
    }
}
