package io.rlarena.train;

import io.rlarena.envs.board.Opponent;
import io.rlarena.envs.board.TicTacToe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArenaTest {

    private static Arena.Player player(String spec) {
        return new Arena.Player(spec, Opponent.parse(spec));
    }

    @Test
    void perfectPlayNeverLosesAndTheBooksBalance() {
        Arena.Report report = Arena.play(TicTacToe::new, List.of(player("minimax"), player("random")), 40, 3);
        Arena.PairResult pair = report.pairs().get(0);
        assertEquals(List.of("minimax", "random"), pair.players());
        assertEquals(40, pair.games());
        assertEquals(40, pair.wins() + pair.draws() + pair.losses());
        assertEquals(0, pair.losses(), "minimax never loses");
        assertTrue(pair.wins() >= 30, "minimax beats random in most games: " + pair);
        assertEquals("minimax", report.ratings().get(0).player());
        assertTrue(report.ratings().get(0).elo() > 1600 && report.ratings().get(1).elo() < 1400, report.ratings()
                .toString());
    }

    @Test
    void theSameSeedReplaysTheSameGames() {
        List<Arena.Player> players = List.of(player("random"), player("mcts:20"), player("alphabeta:1"));
        Arena.Report first = Arena.play(TicTacToe::new, players, 10, 5);
        Arena.Report again = Arena.play(TicTacToe::new, players, 10, 5);
        assertEquals(first, again);
        assertEquals(3, first.pairs().size(), "every pair plays");
    }

    @Test
    void everyLineOfPerfectPlayIsCountedAndOnlyPerfectPlayNeverLoses() {
        io.rlarena.envs.board.AlphaBeta perfect = new io.rlarena.envs.board.AlphaBeta(
                io.rlarena.envs.board.AlphaBeta.FULL_DEPTH);
        for (int side = 0; side < 2; side++) {
            Arena.Lines lines = Arena.allLines(new TicTacToe(), perfect, side, perfect);
            assertTrue(lines.games() > 1, "the searcher's ties branch the lines");
            assertEquals(lines.games(), lines.draws(), "perfect play against perfect play draws every line");
        }
        Opponent lowestCell = new Opponent() {
            @Override
            public int move(io.rlarena.env.TurnBasedGame game, java.util.random.RandomGenerator random) {
                return java.util.Arrays.stream(Opponent.legalMoves(game)).min().orElseThrow();
            }

            @Override
            public String spec() {
                return "lowest-cell";
            }
        };
        Arena.Lines naive = Arena.allLines(new TicTacToe(), lowestCell, 0, perfect);
        assertEquals(naive.games(), naive.wins() + naive.draws() + naive.losses());
        assertTrue(naive.losses() > 0, "playing the lowest free cell loses some lines to perfect play: " + naive);
    }

    @Test
    void eloFitsTheResults() {
        List<Arena.Player> players = List.of(player("random"), player("minimax"), player("mcts:10"));
        // a beats b 3:1 gives a the higher rating; an even score gives equal ratings
        List<Arena.Rating> uneven = Arena.ratings(players.subList(0, 2),
                List.of(new Arena.PairResult(List.of("random", "minimax"), 4, 3, 0, 1)));
        assertEquals("random", uneven.get(0).player());
        assertEquals(3000, uneven.get(0).elo() + uneven.get(1).elo(), 1e-6, "symmetric about the anchor");
        List<Arena.Rating> even = Arena.ratings(players.subList(0, 2),
                List.of(new Arena.PairResult(List.of("random", "minimax"), 10, 3, 4, 3)));
        assertEquals(even.get(0).elo(), even.get(1).elo(), 1e-6);
        // without the anchor's virtual draws, 3:1 would be exactly 400 * log10(3) = 191 points apart; they pull it in
        double gap = uneven.get(0).elo() - uneven.get(1).elo();
        assertTrue(gap > 50 && gap < 191, "gap " + gap);
    }

    @Test
    void badPlayersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arena.Player.parse("no-such-file.zip"));
        assertTrue(e.getMessage().contains("no-such-file.zip") && e.getMessage().contains("alphabeta:"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Arena.play(TicTacToe::new, List.of(player("random"), player("random")), 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Arena.play(TicTacToe::new, List.of(player("random")), 2, 1));
    }
}
