package io.rlarena.envs.board;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.EnvChecker;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.Environment;
import io.rlarena.env.Reset;
import io.rlarena.env.Step;
import io.rlarena.env.Wrapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardGameEnvTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(BoardGameEnvTest.class.getClassLoader());

    /** Tic-tac-toe against an opponent that plays the given cells (0..8) in turn. */
    private static BoardGameEnv ticTacToe(BoardGameEnv.Side side, int... opponentCells) {
        return new BoardGameEnv(new EnvSpec("TicTacToe-v0", Map.of(), 9), TicTacToe::new,
                Scripts.scripted(opponentCells), side, -1);
    }

    /** Steps through the agent's cells, checking that only the last step ends the game. */
    private static Step playOut(BoardGameEnv env, int... agentCells) {
        Step step = null;
        for (int i = 0; i < agentCells.length; i++) {
            step = env.step(agentCells[i]);
            assertEquals(i == agentCells.length - 1, step.terminated(), "step " + i);
            assertFalse(step.truncated());
            if (!step.terminated()) {
                assertEquals(0, step.reward());
            }
        }
        return step;
    }

    @Test
    void gamesAreRegisteredWithPlanesMasksAndTimeLimits() {
        Environment tic = REGISTRY.make("TicTacToe-v0", Map.of());
        assertEquals(Box.of(0f, 1f, 2, 3, 3), tic.observationSpace());
        assertEquals(new Discrete(9), tic.actionSpace());
        assertEquals(9, tic.spec().maxEpisodeSteps());
        assertEquals(Map.of("opponent", "random", "side", "first", "illegal_penalty", "-1"), tic.spec().options());
        Environment four = REGISTRY.make("ConnectFour-v0", Map.of("opponent", "alphabeta:2"));
        assertEquals(Box.of(0f, 1f, 2, 6, 7), four.observationSpace());
        assertEquals(new Discrete(7), four.actionSpace());
        assertEquals(42, four.spec().maxEpisodeSteps());
        Environment othello = REGISTRY.make("Othello-v0", Map.of());
        assertEquals(Box.of(0f, 1f, 2, 6, 6), othello.observationSpace());
        assertEquals(new Discrete(37), othello.actionSpace());
        assertEquals(36, othello.spec().maxEpisodeSteps());
        Environment eight = REGISTRY.make("Othello-v0", Map.of("size", "8"));
        assertEquals(new Discrete(65), eight.actionSpace());
        eight.reset(1);
        assertEquals(4, TicTacToeTest.countTrue(eight.actionMask()));
    }

    @Test
    void agentFirstWinsLosesAndDraws() {
        BoardGameEnv win = ticTacToe(BoardGameEnv.Side.FIRST, 0, 6, 8);
        Reset reset = win.reset(1);
        assertEquals("first", reset.info().get("agent_side"));
        assertEquals(0f, sum(reset.observation()));
        Step won = playOut(win, 4, 2, 3, 5);
        assertEquals(1, won.reward());
        assertEquals("win", won.info().get("outcome"));
        assertTrue(won.success());
        assertEquals(0, TicTacToeTest.countTrue(win.actionMask()));
        assertThrows(IllegalStateException.class, () -> win.step(7));

        BoardGameEnv loss = ticTacToe(BoardGameEnv.Side.FIRST, 4, 2, 6);
        loss.reset(1);
        Step lost = playOut(loss, 0, 1, 3);
        assertEquals(-1, lost.reward());
        assertEquals("loss", lost.info().get("outcome"));
        assertEquals("a3", lost.info().get("opponent_move"));
        assertFalse(lost.success());

        BoardGameEnv draw = ticTacToe(BoardGameEnv.Side.FIRST, 4, 1, 6, 5);
        draw.reset(1);
        Step drawn = playOut(draw, 0, 8, 7, 2, 3);
        assertEquals(0, drawn.reward());
        assertEquals("draw", drawn.info().get("outcome"));
        assertFalse(drawn.success());
    }

    @Test
    void agentSecondSeesTheOpeningMoveAndWinsOrLoses() {
        BoardGameEnv win = ticTacToe(BoardGameEnv.Side.SECOND, 0, 8, 1);
        Reset reset = win.reset(1);
        assertEquals("second", reset.info().get("agent_side"));
        assertEquals("a1", reset.info().get("opponent_move"));
        assertEquals(1, win.agentPlayer());
        assertEquals(1f, reset.observation()[9], "the opponent's X is on the second plane");
        assertEquals(0f, reset.observation()[0]);
        assertFalse(win.actionMask()[0]);
        Step step = win.step(4);
        assertEquals(1f, step.observation()[4], "the agent's O is on the first plane");
        Step won = playOut(win, 2, 6);
        assertEquals(1, won.reward());
        assertEquals("win", won.info().get("outcome"));
        assertFalse(won.info().containsKey("opponent_move"), "the game ended on the agent's move");

        BoardGameEnv loss = ticTacToe(BoardGameEnv.Side.SECOND, 0, 1, 2);
        loss.reset(1);
        Step lost = playOut(loss, 4, 5);
        assertEquals(-1, lost.reward());
        assertEquals("loss", lost.info().get("outcome"));
    }

    @Test
    void anIllegalMoveEndsTheEpisodeAsALossWithThePenalty() {
        BoardGameEnv env = ticTacToe(BoardGameEnv.Side.FIRST, 4);
        env.reset(1);
        Step first = env.step(0);
        Step illegal = env.step(4);
        assertTrue(illegal.terminated());
        assertEquals(-1, illegal.reward());
        assertEquals("b2", illegal.info().get("illegal_move"));
        assertEquals("loss", illegal.info().get("outcome"));
        assertFalse(illegal.success());
        assertArrayEquals(first.observation(), illegal.observation(), "the board is left as it was");
        assertEquals(0, TicTacToeTest.countTrue(env.actionMask()));
        assertThrows(IllegalStateException.class, () -> env.step(1));

        Environment harsh = REGISTRY.make("TicTacToe-v0", Map.of("illegal_penalty", "-5"));
        harsh.reset(2);
        harsh.step(0);
        Step penalized = harsh.step(0);
        assertTrue(penalized.terminated());
        assertEquals(-5, penalized.reward());
        harsh.reset();
        assertThrows(IllegalArgumentException.class, () -> harsh.step(9), "outside the action space");
    }

    @Test
    void alternateSwitchesSidesEveryEpisode() {
        Environment env = REGISTRY.make("TicTacToe-v0", Map.of("side", "alternate"));
        List<Object> sides = new ArrayList<>();
        sides.add(env.reset(3).info().get("agent_side"));
        sides.add(env.reset().info().get("agent_side"));
        sides.add(env.reset().info().get("agent_side"));
        sides.add(env.reset(3).info().get("agent_side"));
        assertEquals(List.of("first", "second", "first", "second"), sides, "reseeding does not restart the turns");
    }

    @Test
    void theSameSeedGivesTheSameEpisode() {
        for (String opponent : new String[] {"random", "mcts:20", "alphabeta:2"}) {
            List<String> first = episode("ConnectFour-v0", opponent, 8);
            assertEquals(first, episode("ConnectFour-v0", opponent, 8));
            assertNotEquals(first, episode("ConnectFour-v0", opponent, 9));
        }
    }

    /** One episode with seeded random legal agent moves, as text. */
    private static List<String> episode(String id, String opponent, long seed) {
        Environment env = REGISTRY.make(id, Map.of("opponent", opponent, "side", "second"));
        SplittableRandom agent = new SplittableRandom(seed);
        List<String> trace = new ArrayList<>();
        Reset reset = env.reset(seed);
        trace.add(Arrays.toString(reset.observation()) + reset.info());
        Step step;
        do {
            step = env.step(env.actionSpace().sample(agent, env.actionMask()));
            trace.add(Arrays.toString(step.observation()) + step.reward() + step.info());
        } while (!step.done());
        return trace;
    }

    @Test
    void othelloObservationsAreFromTheAgentsSide() {
        BoardGameEnv env = (BoardGameEnv) Wrapper.unwrap(REGISTRY.make("Othello-v0", Map.of("side", "second")));
        Reset reset = env.reset(4);
        float[] planes = reset.observation();
        assertEquals(1, sum(Arrays.copyOfRange(planes, 0, 36)), "white has one disc left after black's opening");
        assertEquals(4, sum(Arrays.copyOfRange(planes, 36, 72)));
        assertArrayEquals(env.game().observation(1), planes);
        assertTrue(env.render().contains("agent moves second, opponent random"), env.render());
    }

    @Test
    void badOptionsNameTheOptionAndTheValidValues() {
        IllegalArgumentException opponent = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("ConnectFour-v0", Map.of("opponent", "alphabeta:x")));
        assertTrue(opponent.getMessage().contains("opponent=alphabeta:x")
                && opponent.getMessage().contains("mcts:SIMULATIONS"), opponent.getMessage());
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("TicTacToe-v0", Map.of("side", "middle")));
        assertTrue(side.getMessage().contains("side=middle") && side.getMessage().contains("alternate"),
                side.getMessage());
        IllegalArgumentException penalty = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("TicTacToe-v0", Map.of("illegal_penalty", "2")));
        assertTrue(penalty.getMessage().contains("illegal_penalty=2") && penalty.getMessage().contains("<= 0"),
                penalty.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("Othello-v0", Map.of("size", "7")));
        assertTrue(size.getMessage().contains("size=7") && size.getMessage().contains("4, 6 or 8"), size.getMessage());
        assertThrows(IllegalStateException.class, () -> REGISTRY.make("TicTacToe-v0", Map.of()).step(0));
    }

    @Test
    void theEnvCheckerPassesWithSearchingOpponentsAndEitherSide() {
        List<Map<String, String>> variants = List.of(
                Map.of("opponent", "alphabeta:2", "side", "alternate"),
                Map.of("opponent", "mcts:10", "side", "second"),
                Map.of("opponent", "minimax", "side", "second"));
        for (String id : new String[] {"TicTacToe-v0", "ConnectFour-v0", "Othello-v0"}) {
            for (Map<String, String> options : variants) {
                if (options.get("opponent").equals("minimax") && !id.equals("TicTacToe-v0")) {
                    continue;
                }
                EnvChecker.Report report = EnvChecker.check(() -> REGISTRY.make(id, options), 7);
                assertTrue(report.ok(), id + " " + options + ": " + report.problems());
            }
        }
        EnvChecker.Report eight = EnvChecker.check(() -> REGISTRY.make("Othello-v0", Map.of("size", "8")), 7);
        assertTrue(eight.ok(), eight.problems().toString());
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
