package io.rlarena.cli;

import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.Opponent;
import io.rlarena.train.Arena;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** {@code rlarena play}: a person plays a board game in the terminal against an agent or an opponent. */
@Command(name = "play", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Play a board game in the terminal against a trained agent or a named opponent.")
final class PlayCommand implements Callable<Integer> {

    static final class Rival {
        @Option(names = "--agent-file", paramLabel = "FILE", description = "An agent trained on this game.")
        String agentFile;

        @Option(names = "--opponent", paramLabel = "SPEC",
                description = "An opponent instead: random, tactical, minimax, alphabeta:DEPTH or mcts:SIMULATIONS.")
        String opponent;
    }

    @Option(names = "--env", required = true, paramLabel = "ID", description = "A board game, e.g. ConnectFour-v0.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Rival rival;

    @Option(names = "--simulations", paramLabel = "N",
            description = "Search simulations per move of an AlphaZero agent (default: 50; 1: the network alone).")
    Integer simulations;

    @Option(names = "--side", defaultValue = "first", description = "Your side: first or second.")
    String side;

    @Option(names = "--seed", description = "Seed of the opponent's randomness (default: a fresh one).")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!side.equals("first") && !side.equals("second")) {
            throw new IllegalArgumentException("--side must be first or second, got '" + side + "'");
        }
        Supplier<? extends TurnBasedGame> games = BoardGames.newGames(envArgs.registryForPlayers(
                rival.agentFile != null ? List.of(rival.agentFile) : List.of()), env,
                envArgs.envOptions);
        Arena.Player parsed = Arena.Player.parse(rival.agentFile != null ? rival.agentFile : rival.opponent, env, games);
        if (simulations != null && !parsed.searches()) {
            throw new IllegalArgumentException("--simulations sets the search of an AlphaZero agent, and "
                    + parsed.name() + " is none: leave it out");
        }
        Arena.Player machine = simulations == null ? parsed : parsed.withSimulations(simulations);
        TurnBasedGame game = games.get();
        int human = side.equals("first") ? 0 : 1;
        RandomGenerator random = new RestorableRandom(seed != null ? seed : Seeds.fresh());
        Opponent rivalForGame = machine.opponent().forNewGame(random);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: you play %s against %s. Type a move, or 'quit'. The last move is shown in lower case.%n", env,
                side, machine.name());
        while (!game.isOver()) {
            out.println(game.render());
            if (game.currentPlayer() == human) {
                Integer move = askMove(game, in, out);
                if (move == null) {
                    out.println("Game abandoned.");
                    out.flush();
                    return 1;
                }
                game.play(move);
            } else {
                int move = rivalForGame.move(game, random);
                out.println(machine.name() + " plays " + game.formatMove(move));
                game.play(move);
            }
        }
        out.println(game.render());
        int winner = game.outcome().winner();
        String line = game.winningLine().isEmpty() ? "" : " (the line " + String.join(" ", game.winningLine()) + ")";
        out.println(winner < 0 ? "Draw." : (winner == human ? "You win!" : machine.name() + " wins.") + line);
        out.flush();
        return 0;
    }

    /** Reads moves until a legal one; null if the input ends or the person quits. */
    private static Integer askMove(TurnBasedGame game, BufferedReader in, PrintWriter out) {
        while (true) {
            List<String> legal = new ArrayList<>();
            boolean[] mask = game.legalMask();
            for (int a = 0; a < mask.length; a++) {
                if (mask[a]) {
                    legal.add(game.formatMove(a));
                }
            }
            out.print("Your move (" + String.join(" ", legal) + "): ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null || line.trim().equalsIgnoreCase("quit")) {
                out.println();
                return null;
            }
            try {
                int move = game.parseMove(line);
                if (game.isLegal(move)) {
                    return move;
                }
                out.println("'" + line.trim() + "' is not legal here. Legal moves: " + String.join(" ", legal));
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
            }
        }
    }
}
