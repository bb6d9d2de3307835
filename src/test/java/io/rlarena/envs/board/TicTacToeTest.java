package io.rlarena.envs.board;

import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.TurnBasedGame.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.rlarena.envs.board.Scripts.play;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicTacToeTest {

    /** Rows, columns and both diagonals, in notation. */
    private static final List<String[]> LINES = List.of(
            new String[] {"a1", "b1", "c1"}, new String[] {"a2", "b2", "c2"}, new String[] {"a3", "b3", "c3"},
            new String[] {"a1", "a2", "a3"}, new String[] {"b1", "b2", "b3"}, new String[] {"c1", "c2", "c3"},
            new String[] {"a1", "b2", "c3"}, new String[] {"c1", "b2", "a3"});

    @Test
    void threeInEveryLineWinsForEitherPlayer() {
        for (String[] line : LINES) {
            List<String> others = Arrays.stream(new String[] {"a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"})
                    .filter(cell -> !Arrays.asList(line).contains(cell)).toList();
            TicTacToe xWins = play(new TicTacToe(), String.join(" ", line[0], others.get(0), line[1], others.get(1)));
            assertFalse(xWins.isOver());
            xWins.play(xWins.parseMove(line[2]));
            assertEquals(Outcome.FIRST_WINS, xWins.outcome(), String.join(",", line));
            assertEquals(0, xWins.legalMoves(new int[9]));
            assertTrue(xWins.render().contains("X wins"));
        }
        TicTacToe oWinsColumn = play(new TicTacToe(), "a1 b1 c1 b2 a3 b3");
        assertEquals(Outcome.SECOND_WINS, oWinsColumn.outcome());
        TicTacToe oWinsDiagonal = play(new TicTacToe(), "a1 c1 b1 b2 c3 a3");
        assertEquals(Outcome.SECOND_WINS, oWinsDiagonal.outcome());
        assertEquals(1.0, oWinsDiagonal.outcome().valueFor(1));
        assertEquals(-1.0, oWinsDiagonal.outcome().valueFor(0));
    }

    @Test
    void aFullBoardWithoutALineIsADraw() {
        TicTacToe game = play(new TicTacToe(), "a1 b2 c3 b1 b3 a3 c1 c2");
        assertFalse(game.isOver());
        game.play(game.parseMove("a2"));
        assertEquals(Outcome.DRAW, game.outcome());
        assertEquals(0.0, game.outcome().valueFor(0));
        assertTrue(game.render().contains("draw"), game.render());
    }

    @Test
    void takenCellsAndFinishedGamesAreIllegal() {
        TicTacToe game = play(new TicTacToe(), "b2");
        assertFalse(game.isLegal(4));
        boolean[] mask = game.legalMask();
        assertFalse(mask[4]);
        assertEquals(8, countTrue(mask));
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> game.play(4));
        assertTrue(taken.getMessage().contains("b2 is not a legal move for O")
                && taken.getMessage().contains("legal moves: a1 c1"), taken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> game.play(9));
        play(game, "b1 a1 c1 c3");
        assertEquals(Outcome.FIRST_WINS, game.outcome());
        assertEquals(0, countTrue(game.legalMask()));
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> game.play(6));
        assertTrue(over.getMessage().contains("the game is over (X wins)"), over.getMessage());
    }

    @Test
    void undoAndCopyRestoreAndIsolate() {
        TicTacToe game = play(new TicTacToe(), "a1 b2");
        float[] before = game.observation();
        TicTacToe copy = game.copy();
        play(game, "c1 b1 a3 b3");
        assertEquals(Outcome.SECOND_WINS, game.outcome());
        for (int i = 0; i < 4; i++) {
            game.undo();
        }
        assertArrayEquals(before, game.observation());
        assertEquals(0, game.currentPlayer());
        assertEquals(Outcome.IN_PROGRESS, game.outcome());
        assertArrayEquals(before, copy.observation());
        copy.undo();
        copy.undo();
        assertThrows(IllegalStateException.class, copy::undo);
        assertEquals(2, game.plies());
    }

    @Test
    void observationsShowTheMoversOwnPiecesFirst() {
        TicTacToe game = play(new TicTacToe(), "a1 b2 c3");
        assertArrayEquals(new int[] {2, 3, 3}, game.planeShape());
        float[] forX = game.observation(0);
        float[] forO = game.observation(1);
        assertEquals(18, forX.length);
        assertEquals(1f, forX[0]);
        assertEquals(1f, forX[8]);
        assertEquals(1f, forX[9 + 4]);
        assertArrayEquals(Arrays.copyOfRange(forX, 0, 9), Arrays.copyOfRange(forO, 9, 18));
        assertArrayEquals(Arrays.copyOfRange(forX, 9, 18), Arrays.copyOfRange(forO, 0, 9));
        assertArrayEquals(forO, game.observation(), "O is to move");
        assertThrows(IllegalArgumentException.class, () -> game.observation(2));
    }

    @Test
    void notationRoundTripsAndRejectsBadInput() {
        TicTacToe game = new TicTacToe();
        for (int action = 0; action < 9; action++) {
            assertEquals(action, game.parseMove(game.formatMove(action)));
        }
        assertEquals("a1", game.formatMove(0));
        assertEquals("c2", game.formatMove(5));
        assertEquals(7, game.parseMove("  B3 "));
        for (String bad : new String[] {"", "d1", "a4", "a0", "5", "b", "b22", "pass"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> game.parseMove(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("a1..c3"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> game.formatMove(9));
    }

    @Test
    void rendersCoordinatesPiecesAndTurn() {
        assertEquals("""
                   a b c
                 1 X . .
                 2 . o .
                 3 . . .
                X to move
                """, play(new TicTacToe(), "a1 b2").render(), "the last move, b2, in lower case");
    }

    static int countTrue(boolean[] mask) {
        int count = 0;
        for (boolean legal : mask) {
            count += legal ? 1 : 0;
        }
        return count;
    }

    @Test
    void mirroredMovesMakeTheMirroredBoardAndTheSameOutcome() {
        TicTacToe game = new TicTacToe();
        TicTacToe mirrored = new TicTacToe();
        for (int cell : new int[] {0, 4, 1, 2, 6, 3, 8, 7}) {
            game.play(cell);
            mirrored.play(game.mirrorAction(cell));
        }
        assertArrayEquals(new int[] {2, 1, 0, 5, 4, 3, 8, 7, 6},
                java.util.stream.IntStream.range(0, 9).map(game::mirrorAction).toArray());
        assertArrayEquals(MirrorSymmetric.mirror(game.observation(0), game.planeShape()), mirrored.observation(0));
        assertEquals(game.outcome(), mirrored.outcome());
    }

    @Test
    void theLastMoveIsInLowerCaseAndTheWinningLineIsNamed() {
        TicTacToe game = new TicTacToe();
        for (String move : new String[] {"a1", "b1", "b2", "c1", "c3"}) {
            game.play(game.parseMove(move));
        }
        assertTrue(game.render().contains(" x\n"), "the last move, c3, in lower case:\n" + game.render());
        assertEquals(java.util.List.of("a1", "b2", "c3"), game.winningLine());
    }
}
