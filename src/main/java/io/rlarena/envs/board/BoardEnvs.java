package io.rlarena.envs.board;

import io.rlarena.env.EnvOption;
import io.rlarena.env.EnvOptions;
import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.TurnBasedGame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The built-in board games against an opponent (see environments/README.md, "Board games"). Time
 * limits are the number of cells, more moves than the agent can make in one game.
 */
public final class BoardEnvs implements EnvProvider {

    private static final List<EnvOption> MATCH_OPTIONS = List.of(
            new EnvOption("opponent", "random", Opponent.SPEC_FORMS),
            new EnvOption("side", "first", "the agent's side: first, second, or alternate (switches every episode)"),
            new EnvOption("illegal_penalty", "-1",
                    "reward (<= 0) of an illegal move, which ends the episode as a loss"));

    /** The options that set up the match (the opponent, the agent's side) rather than the game itself. */
    public static final List<String> MATCH_OPTION_NAMES = MATCH_OPTIONS.stream().map(EnvOption::name).toList();

    @Override
    public List<EnvRegistration> environments() {
        List<EnvOption> othelloOptions = new ArrayList<>(MATCH_OPTIONS);
        othelloOptions.add(new EnvOption("size", "6", "board side: 4, 6 or 8"));
        return List.of(
                new EnvRegistration("TicTacToe-v0", "Tic-tac-toe (3x3) against an opponent; win +1, loss -1, draw 0",
                        MATCH_OPTIONS, options -> match(options, TicTacToe::new, 9)),
                new EnvRegistration("ConnectFour-v0", "Connect Four (6 rows x 7 columns) against an opponent; win +1, "
                        + "loss -1, draw 0", MATCH_OPTIONS, options -> match(options, ConnectFour::new, 42)),
                new EnvRegistration("Othello-v0", "Othello (6x6 by default) against an opponent; win +1, loss -1, "
                        + "draw 0", othelloOptions, BoardEnvs::othello));
    }

    private static BoardGameEnv othello(EnvOptions options) {
        int size = options.integer("size");
        if (size != 4 && size != 6 && size != 8) {
            throw options.bad("size", options.string("size"), "4, 6 or 8");
        }
        return match(options, () -> new Othello(size), size * size);
    }

    private static BoardGameEnv match(EnvOptions options, Supplier<? extends TurnBasedGame> game, int maxSteps) {
        Opponent opponent;
        try {
            opponent = Opponent.parse(options.string("opponent"));
        } catch (IllegalArgumentException e) {
            throw options.bad("opponent", options.string("opponent"), Opponent.SPEC_FORMS);
        }
        if (!opponent.plays(game.get())) {
            throw options.bad("opponent", options.string("opponent"), "an opponent for this game: solver plays "
                    + "Connect Four and tic-tac-toe only (Othello: alphabeta:DEPTH or mcts:SIMULATIONS)");
        }
        String side = options.string("side").trim().toLowerCase(Locale.ROOT);
        if (!side.equals("first") && !side.equals("second") && !side.equals("alternate")) {
            throw options.bad("side", options.string("side"), "first, second or alternate");
        }
        double penalty = options.number("illegal_penalty");
        if (!Double.isFinite(penalty) || penalty > 0) {
            throw options.bad("illegal_penalty", options.string("illegal_penalty"), "a number <= 0");
        }
        return new BoardGameEnv(new EnvSpec(options.envId(), options.values(), maxSteps), game, opponent,
                BoardGameEnv.Side.valueOf(side.toUpperCase(Locale.ROOT)), penalty);
    }
}
