package io.rlarena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.GameSolver;
import io.rlarena.train.PositionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code rlarena solve}: the exact score of a board-game position and of each of its moves. */
@Command(name = "solve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Solve a Connect Four or tic-tac-toe position exactly: its score and each move's score, from the "
                + "side to move. 0 is a draw; a win scores 22 minus the stones the winner will have played when it wins "
                + "(tic-tac-toe: 6 minus), so faster wins score higher; a loss is the negative.",
                "Connect Four positions with few stones take longer: a few ms from 15 stones on, seconds with 4-8, "
                        + "minutes for the empty board."})
final class SolveCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, paramLabel = "ID", description = "ConnectFour-v0 or TicTacToe-v0.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--moves", defaultValue = "", paramLabel = "DIGITS",
            description = "The moves played so far, e.g. 4453 (Connect Four: columns 1-7; tic-tac-toe: cells 1-9 row by "
                    + "row from the top left); empty for the start.")
    String moves;

    @Option(names = "--json", description = "Print one JSON object: score, move_scores by column or cell, best_moves.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Supplier<TurnBasedGame> games = BoardGames.newGames(envArgs.registry(), env, envArgs.envOptions);
        TurnBasedGame game = PositionSet.play(games, moves);
        if (game.isOver()) {
            throw new IllegalArgumentException("the game is over after '" + moves + "' (" + game.outcome()
                    + "): there is nothing to solve; give fewer moves");
        }
        GameSolver solver = GameSolver.forGame(game);
        long start = System.nanoTime();
        int[] moveScores = solver.moveScores(game);
        double millis = (System.nanoTime() - start) / 1e6;
        int score = GameSolver.best(moveScores);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject object = new JsonObject();
            object.addProperty("env", env);
            object.addProperty("moves", moves);
            object.addProperty("score", score);
            JsonObject byMove = new JsonObject();
            JsonArray best = new JsonArray();
            for (int action = 0; action < moveScores.length; action++) {
                if (moveScores[action] != GameSolver.NOT_LEGAL) {
                    byMove.addProperty(Integer.toString(action + 1), moveScores[action]);
                    if (moveScores[action] == score) {
                        best.add(action + 1);
                    }
                }
            }
            object.add("move_scores", byMove);
            object.add("best_moves", best);
            out.println(Json.GSON.toJson(object));
        } else {
            out.printf(Locale.ROOT, "%s after '%s' (%d moves):%n%s", env, moves, moves.length(), game.render());
            out.printf(Locale.ROOT, "score %d: %s%n", score, meaning(score, 1 + solver.mostStones()));
            StringBuilder line = new StringBuilder("move scores:");
            for (int action = 0; action < moveScores.length; action++) {
                line.append(String.format(Locale.ROOT, "  %d:%s", action + 1,
                        moveScores[action] == GameSolver.NOT_LEGAL ? "x" : Integer.toString(moveScores[action])));
            }
            out.println(line);
            out.printf(Locale.ROOT, "(x: not legal; solved in %.1f ms)%n", millis);
        }
        out.flush();
        return 0;
    }

    /** What a score says, {@code limit} being 1 + the most stones one player can place. */
    private static String meaning(int score, int limit) {
        if (score == 0) {
            return "a draw with best play";
        }
        int stones = limit - Math.abs(score);
        return score > 0 ? "the side to move wins, with its stone number " + stones
                : "the side to move loses; the other side wins with its stone number " + stones;
    }
}
