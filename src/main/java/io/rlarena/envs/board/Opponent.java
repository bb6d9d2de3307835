package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed policy that plays one side of a {@link TurnBasedGame}: the opponents of the board
 * environments and the reference players of an arena. Made from a spec with {@link #parse}.
 */
public interface Opponent {

    /** The spec forms {@link #parse} accepts. */
    String SPEC_FORMS = "random, tactical (random but wins and blocks one move ahead), minimax (full-depth alpha-beta), "
            + "solver (perfect play: Connect Four and tic-tac-toe), "
            + "alphabeta:DEPTH (DEPTH >= 1), "
            + "mcts:SIMULATIONS (SIMULATIONS >= 1), self (training only: the agent's own snapshots), "
            + "or several joined by + (one drawn per game)";

    /**
     * A legal move for the player to move, drawing any randomness from {@code random}; leaves
     * {@code game} as it found it.
     *
     * @throws IllegalStateException if the game is over
     */
    int move(TurnBasedGame game, RandomGenerator random);

    /** The spec {@link #parse} turns into this opponent, e.g. {@code mcts:200}. */
    String spec();

    /** Whether this opponent can play {@code game} (the solver solves only some games). */
    default boolean plays(TurnBasedGame game) {
        return true;
    }

    /** The opponent that plays the next whole game: this one, or for a mixture one member drawn from {@code random}. */
    default Opponent forNewGame(RandomGenerator random) {
        return this;
    }

    /** Gives every {@code self} in this opponent the pool of the agent's own snapshots to play; true if there was one. */
    default boolean bindSelfPlay(Opponent pool) {
        return false;
    }

    /** Opponents of which each game gets one, drawn uniformly: the spec {@code random+alphabeta:2}. */
    record Mixture(java.util.List<Opponent> members) implements Opponent {
        @Override
        public int move(TurnBasedGame game, RandomGenerator random) {
            throw new IllegalStateException("a mixture plays through the member forNewGame draws");
        }

        @Override
        public String spec() {
            return String.join("+", members.stream().map(Opponent::spec).toList());
        }

        @Override
        public Opponent forNewGame(RandomGenerator random) {
            return members.get(random.nextInt(members.size())).forNewGame(random);
        }

        @Override
        public boolean plays(TurnBasedGame game) {
            return members.stream().allMatch(member -> member.plays(game));
        }

        @Override
        public boolean bindSelfPlay(Opponent pool) {
            boolean bound = false;
            for (Opponent member : members) {
                bound |= member.bindSelfPlay(pool);
            }
            return bound;
        }
    }

    /**
     * The spec {@code self}: the agent being trained plays itself, through a pool of its current
     * and past snapshots that training binds (see {@code train}); nothing else can play it.
     */
    final class SelfPlay implements Opponent {
        private Opponent pool;

        @Override
        public int move(TurnBasedGame game, RandomGenerator random) {
            return forNewGame(random).move(game, random);
        }

        @Override
        public String spec() {
            return "self";
        }

        @Override
        public Opponent forNewGame(RandomGenerator random) {
            if (pool == null) {
                throw new IllegalStateException("opponent 'self' is the agent being trained: it plays only in "
                        + "'rlarena train'; name a fixed opponent (random, alphabeta:2, ...) elsewhere");
            }
            return pool.forNewGame(random);
        }

        @Override
        public boolean bindSelfPlay(Opponent pool) {
            this.pool = pool;
            return true;
        }
    }

    /**
     * The opponent a spec names: {@code random} (uniform over legal moves), {@code tactical} (see
     * {@link Tactical}), {@code minimax} (perfect
     * play by full search: tic-tac-toe only, larger games take too long), {@code solver} (perfect
     * play by the game's {@link GameSolver}), {@code alphabeta:DEPTH}
     * (alpha-beta search DEPTH moves ahead with the game's heuristic), {@code mcts:SIMULATIONS}
     * (UCT with random rollouts), {@code self} (self-play, bound by training); {@code A+B+...}
     * draws one of them for each game.
     *
     * @throws IllegalArgumentException naming the bad spec and the valid forms
     */
    static Opponent parse(String spec) {
        String text = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (text.contains("+")) {
            java.util.List<Opponent> members = new java.util.ArrayList<>();
            for (String member : text.split("\\+", -1)) {
                members.add(parse(member));
            }
            return new Mixture(java.util.List.copyOf(members));
        }
        if (text.equals("random")) {
            return new RandomOpponent();
        }
        if (text.equals("tactical")) {
            return new Tactical();
        }
        if (text.equals("self")) {
            return new SelfPlay();
        }
        if (text.equals("solver")) {
            return new PerfectPlayer();
        }
        if (text.equals("minimax")) {
            return new AlphaBeta(AlphaBeta.FULL_DEPTH);
        }
        Matcher search = Pattern.compile("(alphabeta|mcts):([0-9]{1,9})").matcher(text);
        if (search.matches() && Integer.parseInt(search.group(2)) >= 1) {
            int amount = Integer.parseInt(search.group(2));
            return search.group(1).equals("alphabeta") ? new AlphaBeta(amount) : new Mcts(amount);
        }
        throw new IllegalArgumentException("unknown opponent '" + spec + "': expected " + SPEC_FORMS);
    }

    /** The legal moves of a game in progress, as {@link TurnBasedGame#legalMoves} fills them. */
    static int[] legalMoves(TurnBasedGame game) {
        int[] moves = new int[game.actionCount()];
        int count = game.legalMoves(moves);
        if (count == 0) {
            throw new IllegalStateException("the game is over (" + game.outcome() + "): there is no move to choose");
        }
        return Arrays.copyOf(moves, count);
    }
}
