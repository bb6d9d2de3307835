package io.rlarena.cli;

import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.GameSolver;
import io.rlarena.train.PositionSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code rlarena positions}: a labelled position set, the input of {@code arena --positions}. */
@Command(name = "positions", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write a set of board-game positions labelled by the exact solver (one line each: MOVES SCORE and "
                + "each move's score), drawn from seeded random play, or every reachable position with --all.")
final class PositionsCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, paramLabel = "ID", description = "ConnectFour-v0 or TicTacToe-v0.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @ArgGroup(multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--stones", paramLabel = "MIN..MAX",
                description = "Random-play positions with MIN..MAX stones (drawn uniformly), kept only if the side to move "
                        + "cannot win at once and has a move that does not lose at once.")
        String stones;

        @Option(names = "--all", description = "Every reachable position that is not over (tic-tac-toe).")
        boolean all;
    }

    @Option(names = "--count", defaultValue = "1000", description = "How many distinct positions (with --stones).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random play (with --stones).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced atomically).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Supplier<TurnBasedGame> games = BoardGames.newGames(envArgs.registry(), env, envArgs.envOptions);
        GameSolver solver = GameSolver.forGame(games.get());
        List<PositionSet.Position> positions;
        String how;
        if (selection.all) {
            positions = PositionSet.all(games, solver);
            how = "every reachable position of " + env + " that is not over";
        } else {
            Matcher range = Pattern.compile("([0-9]{1,2})\\.\\.([0-9]{1,2})").matcher(selection.stones);
            if (!range.matches() || Integer.parseInt(range.group(1)) > Integer.parseInt(range.group(2))) {
                throw new IllegalArgumentException("--stones '" + selection.stones + "' is not a range MIN..MAX, e.g. 15..28");
            }
            if (count < 1) {
                throw new IllegalArgumentException("--count must be >= 1, got " + count);
            }
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            try (Counter counter = Counter.onTerminal("position", count)) {
                positions = PositionSet.sample(games, solver, count, min, max, seed, counter::done);
            }
            how = count + " distinct " + env + " positions from random play (seed " + seed + ") with " + min + ".." + max
                    + " stones,\nkept only where the side to move cannot win at once and has a move that does not lose at once";
        }
        String command = "./rlarena positions --env " + env + (selection.all ? " --all"
                : " --stones " + selection.stones + " --count " + count + " --seed " + seed) + " --out " + out;
        PositionSet.write(out, how + ".\nMade by: " + command + "\nEach line: MOVES SCORE, then the score of each move "
                + "1.." + games.get().actionCount() + " (x: illegal), from the side to move (see 'rlarena solve --help').",
                positions);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d positions to %s%n", positions.size(), out);
        return 0;
    }
}
