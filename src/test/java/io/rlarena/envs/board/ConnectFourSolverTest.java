package io.rlarena.envs.board;

import io.rlarena.env.RestorableRandom;
import io.rlarena.train.PositionSet;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Connect Four solver's scores, checked by hand, against full minimax, and by playing its lines out. */
class ConnectFourSolverTest {

    private static final int X = GameSolver.NOT_LEGAL;
    private final ConnectFourSolver solver = new ConnectFourSolver();

    private static ConnectFour after(String moves) {
        return (ConnectFour) PositionSet.play(ConnectFour::new, moves);
    }

    @Test
    void aWinWithTheFourthStoneScores18AndOnlyThatMoveWins() {
        // X holds columns 1-3 of the bottom row, O the row above: X wins at once in column 4.
        int[] scores = solver.moveScores(after("112233"));
        assertEquals(18, scores[3]);
        assertEquals(18, GameSolver.best(scores));
        for (int col = 0; col < 7; col++) {
            assertTrue(col == 3 || scores[col] < 18, "column " + (col + 1) + " scored " + scores[col]);
        }
        assertEquals(18, solver.score(after("112233")));
    }

    @Test
    void anOpenThreeOnTheBottomRowLosesEveryMove() {
        // X has columns 3-5 of the bottom row with both ends open: whatever O does, X wins with its fourth stone.
        assertArrayEquals(new int[] {-18, -18, -18, -18, -18, -18, -18}, solver.moveScores(after("33445")));
    }

    @Test
    void aFullColumnIsNotLegalAndAFinishedGameHasNothingToSolve() {
        int[] scores = solver.moveScores(after("4444441221566577"));
        assertEquals(X, scores[3], "column 4 is full");
        for (int col : new int[] {0, 1, 2, 4, 5, 6}) {
            assertTrue(scores[col] != X && Math.abs(scores[col]) <= 22 - 9, "column " + (col + 1) + ": " + scores[col]);
        }
        assertThrows(IllegalArgumentException.class, () -> solver.moveScores(after("1212121")),
                "nothing to solve once the game is over");
    }

    /** Random play's positions with few moves left, where full-depth alpha-beta is exact and quick. */
    @Test
    void agreesWithFullMinimaxOnEndgamesIncludingZugzwangWins() {
        AlphaBeta minimax = new AlphaBeta(AlphaBeta.FULL_DEPTH);
        RandomGenerator random = new RestorableRandom(7);
        int checked = 0;
        int lastStoneWins = 0;
        while (checked < 60) {
            ConnectFour game = randomPosition(random, 31 + random.nextInt(8));
            if (game == null) {
                continue;
            }
            int score = solver.score(game);
            assertEquals(fromMinimax(minimax.value(game), game.plies()), score, game.render());
            lastStoneWins += Math.abs(score) == 1 ? 1 : 0;
            checked++;
        }
        // Wins with the board's last stones come from zugzwang: the loser runs out of safe moves.
        assertTrue(lastStoneWins > 0, "no position decided on the last stone among " + checked);
    }

    @Test
    void playingTheSolversBestMovesRealizesThePredictedScore() {
        RandomGenerator random = new RestorableRandom(11);
        for (int line = 0; line < 12; line++) {
            ConnectFour game;
            do {
                game = randomPosition(random, 14 + random.nextInt(10));
            } while (game == null);
            int mover = game.currentPlayer();
            int predicted = solver.score(game);
            while (!game.isOver()) {
                int[] scores = solver.moveScores(game);
                int best = GameSolver.best(scores);
                int moverNow = game.currentPlayer();
                int expected = moverNow == mover ? predicted : -predicted;
                assertEquals(expected, best, "the score changed along the solver's own line at ply " + game.plies());
                for (int col = 0; ; col++) {
                    if (scores[col] == best) {
                        game.play(col);
                        break;
                    }
                }
            }
            int winner = game.outcome().winner();
            if (predicted == 0) {
                assertEquals(-1, winner, "a draw was predicted");
            } else {
                assertEquals(predicted > 0 ? mover : 1 - mover, winner);
                int winnerStones = (game.plies() + 1) / 2;
                assertEquals(22 - Math.abs(predicted), winnerStones, "the win came with another stone than predicted");
            }
        }
    }

    @Test
    void thePerfectPlayerPlaysOnlyBestMoves() {
        ConnectFour game = after("4444441221566577");
        int[] scores = solver.moveScores(game);
        int best = GameSolver.best(scores);
        PerfectPlayer player = new PerfectPlayer();
        RandomGenerator random = new RestorableRandom(3);
        for (int i = 0; i < 5; i++) {
            assertEquals(best, scores[player.move(game, random)]);
        }
        assertEquals("solver", Opponent.parse("solver").spec());
    }

    /** A random position with {@code stones} stones where the game is not over, or null if random play ended it. */
    private static ConnectFour randomPosition(RandomGenerator random, int stones) {
        ConnectFour game = new ConnectFour();
        int[] moves = new int[7];
        while (game.plies() < stones) {
            int count = game.legalMoves(moves);
            game.play(moves[random.nextInt(count)]);
            if (game.isOver()) {
                return null;
            }
        }
        return game;
    }

    /** AlphaBeta's value (1 - k/1000 for a win k plies ahead) in the solver's convention. */
    private static int fromMinimax(double value, int plies) {
        if (Math.abs(value) < 0.5) {
            return 0;
        }
        int pliesToEnd = (int) Math.round((1 - Math.abs(value)) * 1000);
        int winnerStones = (plies + pliesToEnd + 1) / 2;
        return (int) Math.signum(value) * (22 - winnerStones);
    }
}
