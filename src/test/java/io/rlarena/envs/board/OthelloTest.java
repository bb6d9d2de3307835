package io.rlarena.envs.board;

import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.TurnBasedGame.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OthelloTest {

    /** A position from rows of {@code X}, {@code O} and {@code .}, with {@code toMove} to move. */
    private static Othello position(int toMove, String... rows) {
        Othello game = new Othello(rows.length);
        for (int row = 0; row < rows.length; row++) {
            for (int col = 0; col < rows.length; col++) {
                char piece = rows[row].charAt(col);
                game.cells[row * rows.length + col] = piece == 'X' ? 1 : piece == 'O' ? 2 : 0;
            }
        }
        game.player = toMove;
        return game;
    }

    private static String[] rows(Othello game) {
        String[] rows = new String[game.size()];
        for (int row = 0; row < rows.length; row++) {
            StringBuilder text = new StringBuilder();
            for (int col = 0; col < rows.length; col++) {
                int piece = game.pieceAt(row, col);
                text.append(piece < 0 ? '.' : BoardGame.PIECES[piece]);
            }
            rows[row] = text.toString();
        }
        return rows;
    }

    private static Set<String> legal(Othello game) {
        int[] moves = new int[game.actionCount()];
        Set<String> names = new HashSet<>();
        for (int i = game.legalMoves(moves) - 1; i >= 0; i--) {
            names.add(game.formatMove(moves[i]));
        }
        return names;
    }

    @Test
    void startsWithFourCenterDiscsAndTheStandardOpenings() {
        Othello six = new Othello(6);
        assertEquals(Set.of("c2", "b3", "e4", "d5"), legal(six));
        assertEquals(2, six.discs(0));
        assertEquals(2, six.discs(1));
        assertFalse(six.isLegal(six.passAction()), "no pass while a placement exists");
        assertFalse(six.isLegal(six.parseMove("b2")), "touching an opponent disc is not enough");
        Othello eight = new Othello(8);
        assertEquals(Set.of("d3", "c4", "f5", "e6"), legal(eight));
        assertEquals(1, eight.pieceAt(3, 3), "white on d4 and e5");
        assertEquals(0, eight.pieceAt(4, 3), "black on d5 and e4");
        for (int size : new int[] {2, 5, 10}) {
            assertThrows(IllegalArgumentException.class, () -> new Othello(size));
        }
    }

    @Test
    void aPlacementFlipsOutflankedLinesInAllEightDirections() {
        Othello game = position(0,
                "X.X.X.",
                ".OOO..",
                "XO.OX.",
                ".OOO..",
                "X.O.X.",
                "..X..O");
        float[] before = game.observation();
        game.play(game.parseMove("c3"));
        assertArrayEquals(new String[] {
            "X.X.X.",
            ".XXX..",
            "XXXXX.",
            ".XXX..",
            "X.X.X.",
            "..X..O"}, rows(game), "the O on f6 lies beyond X's own disc on e5 and stays");
        assertEquals(Outcome.FIRST_WINS, game.outcome(), "neither player can place any more");
        game.undo();
        assertArrayEquals(before, game.observation());
        assertEquals(0, game.currentPlayer());
    }

    @Test
    void aPlayerWithoutPlacementsPassesAndTheGameEndsWhenNeitherCanMove() {
        Othello game = position(0,
                "OX....",
                "......",
                "......",
                "......",
                "......",
                "......");
        assertEquals(Set.of("pass"), legal(game));
        assertFalse(game.isLegal(game.parseMove("c1")));
        game.play(game.passAction());
        assertEquals(1, game.currentPlayer());
        assertEquals(Set.of("c1"), legal(game));
        assertFalse(game.isLegal(game.passAction()), "O can place, so O may not pass");
        game.play(game.parseMove("c1"));
        assertEquals(Outcome.SECOND_WINS, game.outcome());
        assertEquals(3, game.discs(1));
        assertEquals(0, game.legalMoves(new int[37]));
        assertTrue(game.render().contains("O wins"), game.render());
        game.undo();
        game.undo();
        assertEquals(Set.of("pass"), legal(game));
        assertEquals(1, game.discs(0));
    }

    @Test
    void randomGamesEndWhenNeitherCanMoveAndUndoAllTheWayBack() {
        SplittableRandom random = new SplittableRandom(3);
        for (int size : new int[] {4, 6, 8}) {
            for (int trial = 0; trial < 20; trial++) {
                Othello game = new Othello(size);
                float[] start = game.observation();
                int passes = 0;
                int previous = -1;
                while (!game.isOver()) {
                    int move = new RandomOpponent().move(game, random);
                    assertFalse(move == game.passAction() && previous == game.passAction(), "two passes in a row");
                    passes += move == game.passAction() ? 1 : 0;
                    game.play(move);
                    previous = move;
                }
                int difference = game.discs(0) - game.discs(1);
                assertEquals(difference > 0 ? Outcome.FIRST_WINS : difference < 0 ? Outcome.SECOND_WINS : Outcome.DRAW,
                        game.outcome());
                for (int player : new int[] {0, 1}) {
                    Othello probe = game.copy();
                    probe.outcome = Outcome.IN_PROGRESS;
                    probe.player = player;
                    assertEquals(Set.of("pass"), legal(probe), "the game ended while a player could still place");
                }
                assertEquals(game.plies() - passes + 4, game.discs(0) + game.discs(1));
                while (game.plies() > 0) {
                    game.undo();
                }
                assertArrayEquals(start, game.observation());
            }
        }
    }

    @Test
    void observationsSwapWithThePlayerToMove() {
        Othello game = new Othello(6);
        game.play(game.parseMove("c2"));
        float[] forO = game.observation();
        float[] forX = game.observation(0);
        assertArrayEquals(new int[] {2, 6, 6}, game.planeShape());
        assertEquals(4, sum(forX, 0, 36), "X has four discs after flipping c3");
        assertEquals(1, sum(forX, 36, 72));
        assertArrayEquals(Arrays.copyOfRange(forX, 0, 36), Arrays.copyOfRange(forO, 36, 72));
        assertArrayEquals(Arrays.copyOfRange(forX, 36, 72), Arrays.copyOfRange(forO, 0, 36));
    }

    @Test
    void cellsAndPassAreTheNotation() {
        Othello game = new Othello(6);
        for (int action = 0; action < game.actionCount(); action++) {
            assertEquals(action, game.parseMove(game.formatMove(action)));
        }
        assertEquals("f6", game.formatMove(35));
        assertEquals("pass", game.formatMove(36));
        assertEquals(36, game.parseMove(" PASS "));
        for (String bad : new String[] {"g1", "a7", "", "passs", "36", "a"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> game.parseMove(bad), bad);
            assertTrue(e.getMessage().contains("a1..f6") && e.getMessage().contains("or pass"), e.getMessage());
        }
    }

    @Test
    void rendersDiscCountsAndTurn() {
        assertEquals("""
                   a b c d e f
                 1 . . . . . .
                 2 . . . . . .
                 3 . . O X . .
                 4 . . X O . .
                 5 . . . . . .
                 6 . . . . . .
                X (black) 2, O (white) 2; X to move
                """, new Othello(6).render());
    }

    private static float sum(float[] values, int from, int to) {
        float total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }

    @Test
    void hasNoLeftRightSymmetryBecauseItsStartPositionHasNone() {
        Othello game = new Othello(8);
        assertArrayEquals(MirrorSymmetric.mirror(game.observation(0), game.planeShape()), game.observation(1),
                "the mirrored start position swaps the colours");
        assertEquals(-1, game.mirrorAction(0));
    }
}
