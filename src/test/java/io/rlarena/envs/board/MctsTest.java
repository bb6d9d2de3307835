package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.rlarena.envs.board.Scripts.play;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MctsTest {

    @Test
    void findsAForcedWinInOne() {
        Mcts mcts = new Mcts(200);
        for (long seed = 0; seed < 10; seed++) {
            ConnectFour vertical = play(new ConnectFour(), "1 2 1 2 1 3");
            assertEquals(0, mcts.move(vertical, new SplittableRandom(seed)), "X completes column 1");
            ConnectFour rowAtTheEdge = play(new ConnectFour(), "5 5 6 6 7 7");
            assertEquals(3, mcts.move(rowAtTheEdge, new SplittableRandom(seed)), "X completes the row with 4");
            TicTacToe ticTacToe = play(new TicTacToe(), "a1 a2 b1 b2");
            assertEquals(ticTacToe.parseMove("c1"), mcts.move(ticTacToe, new SplittableRandom(seed)));
        }
    }

    @Test
    void sameRandomStreamGivesTheSameMoveAndTheGameIsLeftAsItWas() {
        ConnectFour game = play(new ConnectFour(), "4 4 3");
        float[] before = game.observation();
        Mcts mcts = new Mcts(50);
        int first = mcts.move(game, new SplittableRandom(9));
        assertEquals(first, mcts.move(game, new SplittableRandom(9)));
        assertArrayEquals(before, game.observation());
        assertEquals(3, game.plies());
    }

    @Test
    void beatsRandomPlayAtConnectFour() {
        SplittableRandom random = new SplittableRandom(2);
        Mcts mcts = new Mcts(200);
        int wins = 0;
        for (int game = 0; game < 20; game++) {
            TurnBasedGame board = new ConnectFour();
            int mctsSide = game % 2;
            while (!board.isOver()) {
                Opponent mover = board.currentPlayer() == mctsSide ? mcts : new RandomOpponent();
                board.play(mover.move(board, random));
            }
            wins += board.outcome().winner() == mctsSide ? 1 : 0;
        }
        assertTrue(wins >= 18, "MCTS won " + wins + " of 20");
    }

    @Test
    void simulationsAndFinishedGamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Mcts(0));
        TicTacToe over = play(new TicTacToe(), "a1 a2 b1 b2 c1");
        assertThrows(IllegalStateException.class, () -> new Mcts(10).move(over, new SplittableRandom(1)));
    }
}
