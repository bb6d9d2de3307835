package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;
import io.rlarena.env.TurnBasedGame.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static io.rlarena.envs.board.Scripts.play;
import static io.rlarena.envs.board.Scripts.randomPlies;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlphaBetaTest {

    private static final AlphaBeta PERFECT = new AlphaBeta(AlphaBeta.FULL_DEPTH);

    /** Plain negamax without pruning, scored as AlphaBeta documents: the oracle. */
    private static double minimax(TurnBasedGame game, int depth, int ply) {
        if (game.isOver()) {
            return game.outcome().valueFor(game.currentPlayer()) * (1 - ply / 1000.0);
        }
        if (depth == 0) {
            return 0.5 * game.heuristic(game.currentPlayer());
        }
        int[] moves = new int[game.actionCount()];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = game.legalMoves(moves) - 1; i >= 0; i--) {
            game.play(moves[i]);
            best = Math.max(best, -minimax(game, depth - 1, ply + 1));
            game.undo();
        }
        return best;
    }

    /** The moves whose plain-minimax score is the best, in the game's move order. */
    private static int[] minimaxBestMoves(TurnBasedGame game, int depth) {
        int[] moves = new int[game.actionCount()];
        int count = game.legalMoves(moves);
        double[] scores = new double[count];
        for (int i = 0; i < count; i++) {
            game.play(moves[i]);
            scores[i] = -minimax(game, depth - 1, 1);
            game.undo();
        }
        double best = Arrays.stream(scores).max().orElseThrow();
        int[] ties = new int[count];
        int tieCount = 0;
        for (int i = 0; i < count; i++) {
            if (scores[i] > best - 1e-9) {
                ties[tieCount++] = moves[i];
            }
        }
        return Arrays.copyOf(ties, tieCount);
    }

    @Test
    void theEmptyTicTacToeBoardIsADrawWhereverXStarts() {
        TicTacToe game = new TicTacToe();
        assertEquals(0, PERFECT.value(game), 1e-12);
        assertEquals(9, PERFECT.bestMoves(game).length, "every first move keeps the draw");
        assertEquals(new TicTacToe().render(), game.render(), "search leaves the game as it was");
    }

    @Test
    void aWinInOneScoresOneAndIsPreferredToSlowerWins() {
        TicTacToe game = play(new TicTacToe(), "a1 a2 b1 b2");
        assertEquals(1 - 0.001, PERFECT.value(game), 1e-12);
        assertArrayEquals(new int[] {game.parseMove("c1")}, PERFECT.bestMoves(game));
        assertEquals(game.parseMove("c1"), new AlphaBeta(1).move(game, new SplittableRandom(1)));
    }

    @Test
    void fasterWinsRankAboveSlowerOnes() {
        ConnectFour game = play(new ConnectFour(), "2 2 3 3 4 4");
        AlphaBeta search = new AlphaBeta(4);
        assertEquals(1 - 0.001, search.value(game), 1e-12);
        int[] best = search.bestMoves(game);
        Arrays.sort(best);
        assertArrayEquals(new int[] {0, 4}, best, "columns 1 and 5 win at once; the rest win two moves later");
        game.play(6);
        assertEquals(-(1 - 0.002), search.value(game), 1e-12, "O can block only one end");
    }

    @Test
    void facingAForkLosesInTwo() {
        TicTacToe game = play(new TicTacToe(), "a1 b2 c3 c1 a3");
        assertEquals(-(1 - 0.002), PERFECT.value(game), 1e-12);
        assertEquals(4, PERFECT.bestMoves(game).length, "X threatens a2 and b3: every move of O loses in two");
    }

    @Test
    void perfectPlayDrawsItselfAndNeverLosesToRandom() {
        SplittableRandom random = new SplittableRandom(5);
        TicTacToe selfPlay = new TicTacToe();
        while (!selfPlay.isOver()) {
            selfPlay.play(PERFECT.move(selfPlay, random));
        }
        assertEquals(Outcome.DRAW, selfPlay.outcome());
        for (int game = 0; game < 100; game++) {
            TicTacToe board = new TicTacToe();
            int perfectSide = game % 2;
            while (!board.isOver()) {
                Opponent mover = board.currentPlayer() == perfectSide ? PERFECT : new RandomOpponent();
                board.play(mover.move(board, random));
            }
            assertNotEquals(-1.0, board.outcome().valueFor(perfectSide), board.render());
        }
    }

    @Test
    void secondPlayerWinsFourByFourOthelloWithPerfectPlay() {
        double value = PERFECT.value(new Othello(4));
        assertTrue(value < -0.9, "black to move should lose, got " + value);
    }

    @Test
    void agreesWithPlainMinimaxOnRandomPositions() {
        SplittableRandom random = new SplittableRandom(11);
        checkAgainstMinimax(TicTacToe::new, 9, AlphaBeta.FULL_DEPTH, 9, random, 150);
        checkAgainstMinimax(ConnectFour::new, 30, 4, 4, random, 60);
        checkAgainstMinimax(() -> new Othello(6), 24, 3, 3, random, 40);
    }

    private static void checkAgainstMinimax(Supplier<TurnBasedGame> newGame, int maxPlies, int depth,
                                            int oracleDepth, SplittableRandom random, int positions) {
        AlphaBeta search = new AlphaBeta(depth);
        for (int i = 0; i < positions; i++) {
            TurnBasedGame game = randomPlies(newGame.get(), random.nextInt(maxPlies), random);
            if (game.isOver()) {
                continue;
            }
            assertEquals(minimax(game, oracleDepth, 0), search.value(game), 1e-9, game.render());
            assertArrayEquals(minimaxBestMoves(game, oracleDepth), search.bestMoves(game), game.render());
        }
    }

    @Test
    void depthAndFinishedGamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AlphaBeta(0));
        TicTacToe over = play(new TicTacToe(), "a1 a2 b1 b2 c1");
        assertThrows(IllegalStateException.class, () -> PERFECT.move(over, new SplittableRandom(1)));
        assertEquals(-1, PERFECT.value(over), 1e-12, "the player to move has lost");
    }
}
