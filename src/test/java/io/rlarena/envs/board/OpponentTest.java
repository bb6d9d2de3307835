package io.rlarena.envs.board;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.rlarena.envs.board.Scripts.play;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpponentTest {

    @Test
    void specsParseAndRoundTrip() {
        assertEquals(new RandomOpponent(), Opponent.parse("random"));
        assertEquals(new Tactical(), Opponent.parse("Tactical"));
        assertEquals(new AlphaBeta(AlphaBeta.FULL_DEPTH), Opponent.parse(" Minimax "));
        assertEquals(new AlphaBeta(4), Opponent.parse("alphabeta:4"));
        assertEquals(new Mcts(200), Opponent.parse("MCTS:200"));
        for (String spec : new String[] {"random", "tactical", "minimax", "alphabeta:2", "mcts:50"}) {
            assertEquals(spec, Opponent.parse(spec).spec());
        }
    }

    @Test
    void tacticalTakesAWinBlocksAThreatAndAvoidsMovesUnderOne() {
        // X (to move) has 2-3-4 on the bottom row: columns 1 and 5 win.
        assertEquals(java.util.Set.of("1", "5"), tacticalMoves(play(new ConnectFour(), "2 2 3 3 4 4")));
        // O must block X's 1-2-3 at column 4.
        assertEquals(java.util.Set.of("4"), tacticalMoves(play(new ConnectFour(), "1 1 2 2 3")));
        // X has 1-2-3 on the second row: O playing column 4 would let X complete it on top.
        assertEquals(java.util.Set.of("1", "2", "3", "5", "6", "7"),
                tacticalMoves(play(new ConnectFour(), "3 1 1 2 2 6 3 7 6")));
        // X threatens columns 1 and 5 at once: nothing saves O, so any legal move.
        assertEquals(7, tacticalMoves(play(new ConnectFour(), "2 2 3 3 4")).size());
    }

    /** Every move {@link Tactical} picks in 200 draws, in the game's notation; the game is left as it was. */
    private static java.util.Set<String> tacticalMoves(ConnectFour game) {
        String before = game.render();
        SplittableRandom random = new SplittableRandom(7);
        java.util.Set<String> moves = new java.util.TreeSet<>();
        for (int i = 0; i < 200; i++) {
            moves.add(game.formatMove(new Tactical().move(game, random)));
        }
        assertEquals(before, game.render());
        return moves;
    }

    @Test
    void aMixtureDrawsOneMemberPerGame() {
        Opponent mixture = Opponent.parse("random+alphabeta:2");
        assertEquals("random+alphabeta:2", mixture.spec());
        SplittableRandom random = new SplittableRandom(3);
        java.util.Set<Opponent> drawn = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            drawn.add(mixture.forNewGame(random));
        }
        assertEquals(java.util.Set.of(new RandomOpponent(), new AlphaBeta(2)), drawn);
        assertEquals(new Mcts(5), Opponent.parse("mcts:5").forNewGame(random), "a plain opponent plays every game");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Opponent.parse("random+"));
        assertTrue(e.getMessage().contains("several joined by +"), e.getMessage());
        io.rlarena.env.Environment env = io.rlarena.env.EnvRegistry.load(getClass().getClassLoader())
                .make("TicTacToe-v0", java.util.Map.of("opponent", "random+minimax"));
        BoardGameEnv board = (BoardGameEnv) io.rlarena.env.Wrapper.unwrap(env);
        java.util.Set<String> opponents = new java.util.HashSet<>();
        env.reset(1);
        for (int i = 0; i < 30; i++) {
            opponents.add(board.opponent().spec());
            env.reset();
        }
        assertEquals(java.util.Set.of("random", "minimax"), opponents);
    }

    @Test
    void badSpecsNameTheSpecAndTheValidForms() {
        for (String bad : new String[] {"", "greedy", "alphabeta", "alphabeta:0", "alphabeta:x", "mcts:-3", "mcts:",
            "random:2", "minimax:3", "mcts:99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Opponent.parse(bad), bad);
            String message = e.getMessage();
            assertTrue(message.contains("'" + bad + "'") && message.contains("alphabeta:DEPTH")
                    && message.contains("mcts:SIMULATIONS") && message.contains("random"), message);
        }
        assertThrows(IllegalArgumentException.class, () -> Opponent.parse(null));
    }

    @Test
    void randomPlaysEveryLegalMoveAndOnlyThose() {
        ConnectFour game = play(new ConnectFour(), "1 1 1 1 1 1");
        int[] counts = new int[7];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 6000; i++) {
            counts[new RandomOpponent().move(game, random)]++;
        }
        assertEquals(0, counts[0], "column 1 is full");
        for (int column = 1; column < 7; column++) {
            assertEquals(1000, counts[column], 100);
        }
        TicTacToe over = play(new TicTacToe(), "a1 a2 b1 b2 c1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RandomOpponent().move(over, random));
        assertTrue(e.getMessage().contains("the game is over"), e.getMessage());
    }
}
