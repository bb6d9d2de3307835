package io.rlarena.agent.alphazero;

import io.rlarena.agent.SearchingPolicy;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.envs.board.AlphaBeta;
import io.rlarena.envs.board.MinimaxSolver;
import io.rlarena.envs.board.TicTacToe;
import io.rlarena.train.Arena;
import io.rlarena.train.PositionSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AlphaZero learns tic-tac-toe from self-play alone, measured against the exact oracle. */
class AlphaZeroTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load();

    @Test
    void twentyThousandSelfPlayMovesNeverLoseToPerfectPlayAndRarelyErr() {
        AlphaZeroConfig config = AlphaZeroConfig.DEFAULTS;
        try (Environment env = REGISTRY.make("TicTacToe-v0", Map.of("opponent", "minimax"))) {
            AlphaZero learner = new AlphaZero(config, () -> env, 1);
            learner.learn(20_000, io.rlarena.agent.TrainingListener.NONE);
            SearchingPolicy policy = AlphaZeroPolicy.load(learner.modelBytes(false));
            Arena.PolicyPlayer player = new Arena.PolicyPlayer("alphazero", policy);
            for (int side = 0; side < 2; side++) {
                Arena.Lines lines = Arena.allLines(new TicTacToe(), player, side, new AlphaBeta(AlphaBeta.FULL_DEPTH));
                assertEquals(0, lines.losses(), "lost a line of perfect play as " + (side == 0 ? "first" : "second"));
            }
            List<PositionSet.Position> all = PositionSet.all(TicTacToe::new, new MinimaxSolver());
            PositionSet.Rates searched = PositionSet.measure(all, TicTacToe::new, new Arena.Player("az", player), 1,
                    done -> { });
            PositionSet.Rates alone = PositionSet.measure(all, TicTacToe::new, new Arena.Player("az",
                    new Arena.PolicyPlayer("az", policy.withSimulations(1))), 1, done -> { });
            assertTrue(searched.mistakeRate() < 0.03, "with 50 simulations: " + searched);
            assertTrue(alone.mistakeRate() > searched.mistakeRate(), "the search adds to the network: " + alone);
        }
    }

    /** A few iterations on the larger games, Othello's passes included: the search and the training run through. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ConnectFour-v0", "Othello-v0"})
    void trainsAndSearchesOnTheLargerGames(String id) {
        AlphaZeroConfig small = new AlphaZeroConfig(1e-3, 8, 1.5, 0.5, 0.25, 6, 8, 8, 2_000, 32, 5, 1e-4, 2, 0.5,
                AlphaZeroConfig.DEFAULTS.network());
        Map<String, String> options = id.startsWith("Othello") ? Map.of("size", "4") : Map.of();
        try (Environment env = REGISTRY.make(id, options)) {
            AlphaZero learner = new AlphaZero(small, () -> env, 2);
            java.util.List<Long> games = new java.util.ArrayList<>();
            learner.learn(400, new io.rlarena.agent.TrainingListener() {
                @Override
                public void onEpisode(io.rlarena.agent.EpisodeStats episode) {
                    games.add(episode.step());
                }
            });
            assertTrue(games.size() >= 8, "self-play games finished: " + games);
            assertTrue(learner.weightsFinite());
            SearchingPolicy policy = AlphaZeroPolicy.load(learner.modelBytes(false)).withSimulations(20);
            io.rlarena.envs.board.BoardGameEnv board = (io.rlarena.envs.board.BoardGameEnv) io.rlarena.env.Wrapper.unwrap(env);
            io.rlarena.env.TurnBasedGame game = board.newGame();
            java.util.random.RandomGenerator random = new io.rlarena.env.RestorableRandom(4);
            while (!game.isOver()) {
                int move = policy.move(game, random);
                assertTrue(game.isLegal(move), "searched move " + move + " in\n" + game.render());
                game.play(move);
            }
        }
    }

    @Test
    void refusesAnEnvironmentThatIsNoBoardGame() {
        try (Environment env = REGISTRY.make("CartPole-v1", Map.of())) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new AlphaZero(AlphaZeroConfig.DEFAULTS, () -> env, 1));
            assertTrue(error.getMessage().contains("alphazero plays board games"), error.getMessage());
        }
    }
}
