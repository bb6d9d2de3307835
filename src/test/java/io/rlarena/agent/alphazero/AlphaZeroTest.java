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

    @Test
    void refusesAnEnvironmentThatIsNoBoardGame() {
        try (Environment env = REGISTRY.make("CartPole-v1", Map.of())) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new AlphaZero(AlphaZeroConfig.DEFAULTS, () -> env, 1));
            assertTrue(error.getMessage().contains("alphazero plays board games"), error.getMessage());
        }
    }
}
