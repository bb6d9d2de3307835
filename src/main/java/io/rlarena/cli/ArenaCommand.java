package io.rlarena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.env.Seeds;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.AlphaBeta;
import io.rlarena.envs.board.GameSolver;
import io.rlarena.train.Arena;
import io.rlarena.train.PositionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code rlarena arena}: a round robin between agents and opponents on a board game, with Elo ratings. */
@Command(name = "arena", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Play every pair of players N games on a board game (sides swapped every game); print wins, "
                + "draws and losses per pair and Elo ratings. With --positions: each player's mistake rate on labelled "
                + "positions instead.")
final class ArenaCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, paramLabel = "ID", description = "A board game, e.g. ConnectFour-v0.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--players", required = true, split = ",", paramLabel = "PLAYER",
            description = "Two or more players (one or more with --positions): agent files or opponents (random, tactical, "
                    + "minimax, solver, alphabeta:DEPTH, mcts:SIMULATIONS).")
    List<String> players;

    @Option(names = "--positions", split = ",", paramLabel = "FILE",
            description = "Instead of games: ask each player for its move in every position of these files (see "
                    + "'rlarena positions'; environments/connect4/ and environments/tictactoe/ hold sets) and report its "
                    + "mistake rate (moves with a worse outcome than the best) and best-move rate, per file and overall.")
    List<Path> positionFiles;

    @Option(names = "--simulations", paramLabel = "N",
            description = "Search simulations per move of AlphaZero agents (default: 50; 1: the network alone).")
    Integer simulations;

    @Option(names = "--games", defaultValue = "100", description = "Games per pair (half with each side first).")
    int games;

    @Option(names = "--seed", description = "Root seed of the games (default: a fresh one, printed).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--all-lines", description = "Instead of sampled games: play the first player (an agent) from "
            + "both sides against every move the second (minimax or alphabeta:DEPTH) rates best, and count all lines.")
    boolean allLines;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Supplier<TurnBasedGame> newGames = BoardGames.newGames(envArgs.registryForPlayers(players), env, envArgs.envOptions);
        List<Arena.Player> parsed = new ArrayList<>();
        for (String player : players) {
            Arena.Player parsedPlayer = Arena.Player.parse(player, env, newGames);
            parsed.add(simulations == null ? parsedPlayer : parsedPlayer.withSimulations(simulations));
        }
        if (simulations != null && parsed.stream().noneMatch(Arena.Player::searches)) {
            throw new IllegalArgumentException("--simulations sets the search of AlphaZero agents, and none of " + players
                    + " is one: leave it out");
        }
        long rootSeed = seed != null ? seed : Seeds.fresh();
        if (positionFiles != null) {
            if (allLines) {
                throw new IllegalArgumentException("--positions and --all-lines are two different measurements: give one");
            }
            return mistakeRates(parsed, newGames, rootSeed);
        }
        if (allLines) {
            return allLines(parsed, newGames);
        }
        Arena.Report report;
        int pairs = parsed.size() * (parsed.size() - 1) / 2;
        try (Counter counter = Counter.onTerminal("game", (long) pairs * games)) {
            report = Arena.play(newGames, parsed, games, rootSeed, counter::done);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.GSON.toJson(toJson(report, rootSeed)));
        } else {
            out.printf(Locale.ROOT, "%s, %d games per pair (seed %d); results from the first player's side%n", env,
                    games, rootSeed);
            for (Arena.PairResult pair : report.pairs()) {
                out.printf(Locale.ROOT, "  %s vs %s: %d wins, %d draws, %d losses (win rate %.3f)%n",
                        pair.players().get(0), pair.players().get(1), pair.wins(), pair.draws(), pair.losses(),
                        pair.winRate());
            }
            out.println("Elo (maximum likelihood; two virtual draws each against a 1500 anchor):");
            for (Arena.Rating rating : report.ratings()) {
                out.printf(Locale.ROOT, "  %7.1f  %s%n", rating.elo(), rating.player());
            }
        }
        out.flush();
        return 0;
    }

    private int mistakeRates(List<Arena.Player> parsed, Supplier<TurnBasedGame> games, long rootSeed) {
        GameSolver solver = GameSolver.forGame(games.get());
        List<List<PositionSet.Position>> sets = new ArrayList<>();
        for (Path file : positionFiles) {
            sets.add(PositionSet.read(file, games, solver));
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonArray results = new JsonArray();
        if (!json) {
            out.printf(Locale.ROOT, "%s: mistakes are moves with a worse outcome (win > draw > loss) than the best move; "
                    + "best moves have the best score (seed %d)%n", env, rootSeed);
            out.printf(Locale.ROOT, "  " + columns("s", "s") + "%n", "player", "file", "positions", "mistakes",
                    "rate", "best moves", "rate");
        }
        for (Arena.Player player : parsed) {
            List<PositionSet.Rates> perFile = new ArrayList<>();
            JsonArray files = new JsonArray();
            for (int f = 0; f < sets.size(); f++) {
                PositionSet.Rates rates;
                try (Counter counter = Counter.onTerminal(player.name() + ": position", sets.get(f).size())) {
                    rates = PositionSet.measure(sets.get(f), games, player, Seeds.derive(rootSeed, "file", f),
                            counter::done);
                }
                perFile.add(rates);
                JsonObject file = rates(rates);
                file.addProperty("file", positionFiles.get(f).toString());
                files.add(file);
                print(out, rates, positionFiles.get(f).toString());
            }
            PositionSet.Rates total = PositionSet.total(perFile);
            if (sets.size() > 1) {
                print(out, total, "all");
            }
            JsonObject result = rates(total);
            result.addProperty("player", player.name());
            result.add("files", files);
            results.add(result);
        }
        if (json) {
            JsonObject object = new JsonObject();
            object.addProperty("env", env);
            object.addProperty("seed", rootSeed);
            object.add("players", results);
            out.println(Json.GSON.toJson(object));
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, PositionSet.Rates rates, String what) {
        if (!json) {
            out.printf(Locale.ROOT, "  " + columns("d", ".3f") + "%n", rates.player(), what, rates.positions(),
                    rates.mistakes(), rates.mistakeRate(), rates.bestMoves(), rates.bestMoveRate());
        }
    }

    /** The table's columns, as wide as the longest player name and file name. */
    private String columns(String count, String rate) {
        int playerWidth = Math.max(6, players.stream().mapToInt(String::length).max().orElse(0));
        int fileWidth = Math.max(4, positionFiles.stream().mapToInt(file -> file.toString().length()).max().orElse(0));
        return "%-" + playerWidth + "s %-" + fileWidth + "s %9" + count + " %9" + count + " %8" + rate + " %10" + count
                + " %8" + rate;
    }

    private static JsonObject rates(PositionSet.Rates rates) {
        JsonObject object = new JsonObject();
        object.addProperty("positions", rates.positions());
        object.addProperty("mistakes", rates.mistakes());
        object.addProperty("mistake_rate", rates.mistakeRate());
        object.addProperty("best_moves", rates.bestMoves());
        object.addProperty("best_move_rate", rates.bestMoveRate());
        return object;
    }

    private int allLines(List<Arena.Player> parsed, Supplier<TurnBasedGame> games) {
        if (parsed.size() != 2 || !(parsed.get(1).opponent() instanceof AlphaBeta searcher)) {
            throw new IllegalArgumentException("--all-lines needs two players, the second minimax or alphabeta:DEPTH, "
                    + "got " + players);
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonArray sides = new JsonArray();
        for (int side = 0; side < 2; side++) {
            Arena.Lines lines = Arena.allLines(games.get(), parsed.get(0).opponent(), side, searcher);
            JsonObject object = Json.GSON.toJsonTree(lines).getAsJsonObject();
            object.addProperty("side", side == 0 ? "first" : "second");
            sides.add(object);
            if (!json) {
                out.printf(Locale.ROOT, "%s as %s against every best line of %s: %d games, %d wins, %d draws, "
                        + "%d losses%n", parsed.get(0).name(), side == 0 ? "first" : "second", searcher.spec(),
                        lines.games(), lines.wins(), lines.draws(), lines.losses());
            }
        }
        if (json) {
            JsonObject object = new JsonObject();
            object.addProperty("env", env);
            object.add("players", Json.GSON.toJsonTree(players));
            object.add("all_lines", sides);
            out.println(Json.GSON.toJson(object));
        }
        out.flush();
        return 0;
    }

    private JsonObject toJson(Arena.Report report, long rootSeed) {
        JsonObject object = new JsonObject();
        object.addProperty("env", env);
        object.addProperty("seed", rootSeed);
        JsonArray pairs = new JsonArray();
        for (Arena.PairResult pair : report.pairs()) {
            JsonObject p = new JsonObject();
            p.add("players", Json.GSON.toJsonTree(pair.players()));
            p.addProperty("games", pair.games());
            p.addProperty("wins", pair.wins());
            p.addProperty("draws", pair.draws());
            p.addProperty("losses", pair.losses());
            p.addProperty("win_rate", pair.winRate());
            pairs.add(p);
        }
        object.add("pairs", pairs);
        JsonArray elo = new JsonArray();
        for (Arena.Rating rating : report.ratings()) {
            JsonObject r = new JsonObject();
            r.addProperty("player", rating.player());
            r.addProperty("elo", rating.elo());
            elo.add(r);
        }
        object.add("elo", elo);
        return object;
    }
}
