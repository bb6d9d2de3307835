package io.rlarena.envs.board;

import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.TurnBasedGame.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.rlarena.envs.board.Scripts.play;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectFourTest {

    /** A full board without four in a row (found by random play, checked by hand). */
    private static final String DRAW = "172613525424167752352155172417634346733466";

    /** Plays all but the last move, checks the game goes on, then plays the last. */
    private static ConnectFour playToTheEnd(String moves) {
        String[] columns = moves.trim().split("\\s+");
        ConnectFour game = play(new ConnectFour(), String.join(" ", Arrays.copyOf(columns, columns.length - 1)));
        assertFalse(game.isOver(), moves);
        game.play(game.parseMove(columns[columns.length - 1]));
        return game;
    }

    @Test
    void fourInEveryDirectionWins() {
        ConnectFour horizontal = playToTheEnd("1 1 2 2 3 3 4");
        assertEquals(Outcome.FIRST_WINS, horizontal.outcome());
        ConnectFour gapFilled = playToTheEnd("1 1 2 2 4 4 3");
        assertEquals(Outcome.FIRST_WINS, gapFilled.outcome());
        ConnectFour vertical = playToTheEnd("1 2 1 2 1 2 7 2");
        assertEquals(Outcome.SECOND_WINS, vertical.outcome());
        ConnectFour rising = playToTheEnd("1 2 2 3 3 4 3 4 7 4 4");
        assertEquals(Outcome.FIRST_WINS, rising.outcome());
        assertEquals(0, rising.pieceAt(2, 3), "the winning piece sits on the fourth row from the bottom");
        ConnectFour falling = playToTheEnd("7 6 6 5 5 4 5 4 1 4 4");
        assertEquals(Outcome.FIRST_WINS, falling.outcome());
        assertEquals(0, falling.legalMoves(new int[7]));
        assertTrue(falling.render().contains("X wins"));
    }

    @Test
    void aFullBoardWithoutFourIsADraw() {
        ConnectFour game = playToTheEnd(String.join(" ", DRAW.split("")));
        assertEquals(Outcome.DRAW, game.outcome());
        assertEquals(42, game.plies());
        assertEquals(0, TicTacToeTest.countTrue(game.legalMask()));
    }

    @Test
    void piecesFallToTheLowestFreeCellAndFullColumnsAreMasked() {
        ConnectFour game = play(new ConnectFour(), "4 4");
        assertEquals(0, game.pieceAt(5, 3));
        assertEquals(1, game.pieceAt(4, 3));
        assertEquals(-1, game.pieceAt(3, 3));
        play(game, "1 1 1 1 1 1");
        assertFalse(game.isLegal(0));
        assertArrayEquals(new boolean[] {false, true, true, true, true, true, true}, game.legalMask());
        int[] moves = new int[7];
        assertEquals(6, game.legalMoves(moves));
        assertArrayEquals(new int[] {3, 2, 4, 1, 5, 6}, Arrays.copyOf(moves, 6), "center columns first");
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> game.play(0));
        assertTrue(full.getMessage().contains("1 is not a legal move"), full.getMessage());
        game.undo();
        assertTrue(game.isLegal(0));
        assertEquals(-1, game.pieceAt(0, 0));
    }

    @Test
    void observationsSwapWithThePlayerToMove() {
        ConnectFour game = play(new ConnectFour(), "4 3 4");
        assertArrayEquals(new int[] {2, 6, 7}, game.planeShape());
        float[] forO = game.observation();
        float[] forX = game.observation(0);
        int area = 42;
        assertEquals(1f, forX[5 * 7 + 3]);
        assertEquals(1f, forX[4 * 7 + 3]);
        assertEquals(1f, forX[area + 5 * 7 + 2]);
        assertArrayEquals(Arrays.copyOfRange(forX, 0, area), Arrays.copyOfRange(forO, area, 2 * area));
        assertArrayEquals(Arrays.copyOfRange(forX, area, 2 * area), Arrays.copyOfRange(forO, 0, area));
    }

    @Test
    void columnNumbersAreTheNotation() {
        ConnectFour game = new ConnectFour();
        for (int column = 0; column < 7; column++) {
            assertEquals(Integer.toString(column + 1), game.formatMove(column));
            assertEquals(column, game.parseMove(game.formatMove(column)));
        }
        assertEquals(3, game.parseMove(" 4 "));
        for (String bad : new String[] {"0", "8", "a", "", "12", "d4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> game.parseMove(bad), bad);
            assertTrue(e.getMessage().contains("column number 1-7"), e.getMessage());
        }
    }

    @Test
    void rendersRowsAboveColumnNumbers() {
        assertEquals("""
                | . . . . . . . |
                | . . . . . . . |
                | . . . . . . . |
                | . . . . . . . |
                | . . . O . . . |
                | . . x X . . . |
                +---------------+
                  1 2 3 4 5 6 7
                O to move
                """, play(new ConnectFour(), "4 4 3").render(), "the last move, in column 3, in lower case");
    }

    @Test
    void mirroredMovesMakeTheMirroredBoardForBothPlayers() {
        ConnectFour game = new ConnectFour();
        ConnectFour mirrored = new ConnectFour();
        for (int column : new int[] {0, 1, 1, 5, 6, 3, 2, 2, 4}) {
            game.play(column);
            mirrored.play(game.mirrorAction(column));
        }
        assertEquals(6, game.mirrorAction(0));
        assertEquals(3, game.mirrorAction(3));
        for (int player = 0; player < 2; player++) {
            assertArrayEquals(MirrorSymmetric.mirror(game.observation(player), game.planeShape()),
                    mirrored.observation(player));
        }
        assertEquals(game.outcome(), mirrored.outcome());
    }

    @Test
    void theWinningLineIsNamedCellByCell() {
        ConnectFour game = play(new ConnectFour(), "1 1 2 2 3 3 4");
        assertTrue(game.isOver(), game.render());
        assertEquals(java.util.List.of("a6", "b6", "c6", "d6"), game.winningLine(), "X's bottom row:\n" + game.render());
        assertEquals(java.util.List.of(), play(new ConnectFour(), "1 2").winningLine(), "no line while the game goes on");
    }
}
