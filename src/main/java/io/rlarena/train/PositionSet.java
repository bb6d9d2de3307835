package io.rlarena.train;

import io.rlarena.agent.SafeFiles;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.GameSolver;
import io.rlarena.envs.board.Opponent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Positions labelled with their exact scores, and the measurement they exist for: a player's
 * <em>mistake rate</em>, the share of positions where its move has a strictly worse
 * game-theoretic outcome (win &gt; draw &gt; loss) than another legal move.
 *
 * <p>The file format is the standard one (Pascal Pons' test sets): one position per line,
 * {@code MOVES SCORE}, the moves so far as digits (Connect Four: columns 1-7; tic-tac-toe: cells
 * 1-9, row by row from the top left) and the position's {@link GameSolver} score, optionally
 * followed by each action's score ({@code x} for an illegal one). Blank lines and lines starting
 * with {@code #} are skipped.
 */
public final class PositionSet {

    private static final String NOT_LEGAL = "x";

    private PositionSet() {
    }

    /** A position: the moves that reach it, its score, and every action's score. */
    public record Position(String moves, int score, int[] moveScores) {

        /** The line the file holds for this position. */
        public String line() {
            StringBuilder text = new StringBuilder(moves.isEmpty() ? "-" : moves).append(' ').append(score);
            for (int moveScore : moveScores) {
                text.append(' ').append(moveScore == GameSolver.NOT_LEGAL ? NOT_LEGAL : Integer.toString(moveScore));
            }
            return text.toString();
        }

        /** Whether {@code action} loses a better outcome (win &gt; draw &gt; loss) than the best move keeps. */
        public boolean isMistake(int action) {
            return GameSolver.outcome(moveScores[action]) < GameSolver.outcome(score);
        }
    }

    /**
     * Plays {@code moves} (digits, one action per digit counted from 1) on a new game.
     *
     * @throws IllegalArgumentException naming the offending move: not a digit, out of range,
     *                                  illegal (a full column, a taken cell), or after the game ended
     */
    public static TurnBasedGame play(Supplier<? extends TurnBasedGame> games, String moves) {
        TurnBasedGame game = games.get();
        for (int i = 0; i < moves.length(); i++) {
            char digit = moves.charAt(i);
            String which = "move " + (i + 1) + " ('" + digit + "') of '" + moves + "'";
            int action = digit - '1';
            if (digit < '1' || digit > '9' || action >= game.actionCount()) {
                throw new IllegalArgumentException(which + " is out of range: moves are digits 1-" + game.actionCount()
                        + " (Connect Four: the column; tic-tac-toe: the cell, row by row from the top left)");
            }
            if (game.isOver()) {
                throw new IllegalArgumentException(which + " comes after the game ended (" + game.outcome() + ")");
            }
            if (!game.isLegal(action)) {
                throw new IllegalArgumentException(which + " is illegal: " + game.formatMove(action) + " is full or taken");
            }
            game.play(action);
        }
        return game;
    }

    /** The digits that {@link #play} turns back into {@code game}'s moves so far. */
    private static String moveString(List<Integer> actions) {
        StringBuilder text = new StringBuilder();
        actions.forEach(action -> text.append((char) ('1' + action)));
        return text.toString();
    }

    /**
     * Reads a position file; positions given without their actions' scores are completed by
     * {@code solver}, and a stated score that disagrees with the actions' scores is an error.
     *
     * @throws IllegalArgumentException naming the file, line and what is wrong with it
     */
    public static List<Position> read(Path file, Supplier<? extends TurnBasedGame> games, GameSolver solver) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read position file " + file + ": " + e.getMessage());
        }
        List<Position> positions = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                try {
                    positions.add(parse(line, games, solver));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + e.getMessage()
                            + " (a line is 'MOVES SCORE' with optional scores of every action)");
                }
            }
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("position file " + file + " holds no positions");
        }
        return positions;
    }

    private static Position parse(String line, Supplier<? extends TurnBasedGame> games, GameSolver solver) {
        String[] fields = line.split("\\s+");
        String moves = fields[0].equals("-") ? "" : fields[0];
        TurnBasedGame game = play(games, moves);
        if (game.isOver()) {
            throw new IllegalArgumentException("the game is over after '" + moves + "': no move to judge");
        }
        if (fields.length != 2 && fields.length != 2 + game.actionCount()) {
            throw new IllegalArgumentException("expected 2 or " + (2 + game.actionCount()) + " fields, got "
                    + fields.length);
        }
        int score = number(fields[1], "score");
        int[] moveScores = new int[game.actionCount()];
        if (fields.length == 2) {
            moveScores = solver.moveScores(game);
        } else {
            for (int action = 0; action < moveScores.length; action++) {
                String field = fields[2 + action];
                boolean legal = game.isLegal(action);
                if (field.equals(NOT_LEGAL) == legal) {
                    throw new IllegalArgumentException("action " + (action + 1) + " is " + (legal ? "legal" : "illegal")
                            + " but its score is '" + field + "'");
                }
                moveScores[action] = legal ? number(field, "action " + (action + 1) + "'s score") : GameSolver.NOT_LEGAL;
            }
        }
        if (GameSolver.best(moveScores) != score) {
            throw new IllegalArgumentException("score " + score + " is not the best of the moves' scores "
                    + Arrays.toString(moveScores));
        }
        return new Position(moves, score, moveScores);
    }

    private static int number(String field, String what) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + field + "' is not a whole number");
        }
    }

    /** Writes positions, one line each after a {@code #} header, replacing {@code file} atomically. */
    public static void write(Path file, String header, List<Position> positions) throws IOException {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        positions.forEach(position -> text.append(position.line()).append('\n'));
        SafeFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code count} distinct positions from seeded random play with {@code minStones..maxStones}
     * stones (the stone count drawn uniformly for each), kept only if not decided in one move: the
     * player to move has no winning move and has a move that does not lose at once.
     */
    public static List<Position> sample(Supplier<? extends TurnBasedGame> games, GameSolver solver, int count,
                                        int minStones, int maxStones, long seed, IntConsumer progress) {
        RandomGenerator random = new RestorableRandom(Seeds.derive(seed, "positions"));
        Set<String> seen = new HashSet<>();
        List<Position> positions = new ArrayList<>();
        for (int attempt = 0; positions.size() < count; attempt++) {
            if (attempt > 1000L * count) {
                throw new IllegalArgumentException("random play reached fewer than " + count + " distinct undecided "
                        + "positions with " + minStones + ".." + maxStones + " stones");
            }
            int stones = minStones + random.nextInt(maxStones - minStones + 1);
            TurnBasedGame game = games.get();
            List<Integer> actions = new ArrayList<>();
            while (actions.size() < stones && !game.isOver()) {
                int[] legal = Opponent.legalMoves(game);
                int action = legal[random.nextInt(legal.length)];
                game.play(action);
                actions.add(action);
            }
            if (game.isOver() || !undecided(game) || !seen.add(key(game))) {
                continue;
            }
            int[] moveScores = solver.moveScores(game);
            positions.add(new Position(moveString(actions), GameSolver.best(moveScores), moveScores));
            progress.accept(positions.size());
        }
        return positions;
    }

    /** Every position reachable from a new game and not over, each once (by the first line reaching it), labelled. */
    public static List<Position> all(Supplier<? extends TurnBasedGame> games, GameSolver solver) {
        List<Position> positions = new ArrayList<>();
        collect(games.get(), new ArrayList<>(), new HashSet<>(), solver, positions);
        return positions;
    }

    private static void collect(TurnBasedGame game, List<Integer> actions, Set<String> seen, GameSolver solver,
                                List<Position> positions) {
        if (game.isOver() || !seen.add(key(game))) {
            return;
        }
        int[] moveScores = solver.moveScores(game);
        positions.add(new Position(moveString(actions), GameSolver.best(moveScores), moveScores));
        for (int action : Opponent.legalMoves(game)) {
            game.play(action);
            actions.add(action);
            collect(game, actions, seen, solver, positions);
            actions.remove(actions.size() - 1);
            game.undo();
        }
    }

    private static boolean undecided(TurnBasedGame game) {
        boolean safeMove = false;
        for (int action : Opponent.legalMoves(game)) {
            game.play(action);
            boolean wins = game.outcome().winner() == 1 - game.currentPlayer();
            boolean safe = !game.isOver() && !canWinAtOnce(game);
            game.undo();
            if (wins) {
                return false;
            }
            safeMove |= safe;
        }
        return safeMove;
    }

    private static boolean canWinAtOnce(TurnBasedGame game) {
        for (int action : Opponent.legalMoves(game)) {
            game.play(action);
            boolean won = game.outcome().winner() == 1 - game.currentPlayer();
            game.undo();
            if (won) {
                return true;
            }
        }
        return false;
    }

    private static String key(TurnBasedGame game) {
        return game.currentPlayer() + Arrays.toString(game.observation(0));
    }

    /** A player's results on a set: how many positions, how many of its moves were mistakes, how many best moves. */
    public record Rates(String player, int positions, int mistakes, int bestMoves) {
        public double mistakeRate() {
            return (double) mistakes / positions;
        }

        public double bestMoveRate() {
            return (double) bestMoves / positions;
        }

        Rates plus(Rates other) {
            return new Rates(player, positions + other.positions, mistakes + other.mistakes,
                    bestMoves + other.bestMoves);
        }
    }

    /**
     * Asks {@code player} for its move in every position (its randomness from
     * {@code Seeds.derive(seed, "position", i)}) and counts mistakes and best moves.
     *
     * @throws IllegalStateException naming the player and position if it chooses an illegal move
     */
    public static Rates measure(List<Position> positions, Supplier<? extends TurnBasedGame> games, Arena.Player player,
                                long seed, IntConsumer progress) {
        int mistakes = 0;
        int bestMoves = 0;
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            TurnBasedGame game = play(games, position.moves());
            RandomGenerator random = new RestorableRandom(Seeds.derive(seed, "position", i));
            int action = player.opponent().forNewGame(random).move(game, random);
            if (action < 0 || action >= game.actionCount() || !game.isLegal(action)) {
                throw new IllegalStateException(player.name() + " chose the illegal move " + action + " after '"
                        + position.moves() + "'");
            }
            mistakes += position.isMistake(action) ? 1 : 0;
            bestMoves += position.moveScores()[action] == position.score() ? 1 : 0;
            progress.accept(i + 1);
        }
        return new Rates(player.name(), positions.size(), mistakes, bestMoves);
    }

    /** The sum of several sets' rates for one player. */
    public static Rates total(List<Rates> rates) {
        Rates sum = new Rates(rates.get(0).player(), 0, 0, 0);
        for (Rates r : rates) {
            sum = sum.plus(r);
        }
        return sum;
    }
}
