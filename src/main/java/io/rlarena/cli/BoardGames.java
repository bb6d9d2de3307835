package io.rlarena.cli;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.env.Wrapper;
import io.rlarena.envs.board.BoardEnvs;
import io.rlarena.envs.board.BoardGameEnv;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Finds the game behind a board-game environment id, for the commands that play games directly. */
final class BoardGames {

    private BoardGames() {
    }

    /**
     * New games of the board game {@code id} with {@code options}.
     *
     * @throws IllegalArgumentException if {@code id} is not a board game
     */
    static Supplier<TurnBasedGame> newGames(EnvRegistry registry, String id, Map<String, String> options) {
        List<String> match = options.keySet().stream()
                .filter(key -> BoardEnvs.MATCH_OPTION_NAMES.contains(key) || key.equals(EnvRegistry.MAX_EPISODE_STEPS))
                .toList();
        if (!match.isEmpty()) {
            throw new IllegalArgumentException("--env-opt " + match + " set up a training match, which play and arena "
                    + "choose themselves (play: --side and --opponent; arena: --players, sides alternating); --env-opt "
                    + "takes only the game's own options here (Othello-v0: size)");
        }
        try (Environment env = registry.make(id, options)) {
            if (Wrapper.unwrap(env) instanceof BoardGameEnv board) {
                return board::newGame;
            }
        }
        throw new IllegalArgumentException("--env " + id + " is not a board game; use TicTacToe-v0, ConnectFour-v0 "
                + "or Othello-v0");
    }
}
