package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Negamax search with alpha-beta pruning, {@code depth} moves ahead (spec {@code alphabeta:DEPTH};
 * {@link #FULL_DEPTH}, spec {@code minimax}, searches to the end of the game: perfect play for
 * tic-tac-toe). Scores are for the player to move: a win {@code k} moves ahead scores
 * {@code 1 - k/1000} and a loss the negative, so faster wins and slower losses rank higher; a draw
 * scores 0; where the search stops early, the game's heuristic scaled into [-1/2, 1/2]. Among
 * equally good moves, {@link #move} picks one at random.
 */
public record AlphaBeta(int depth) implements Opponent {

    public static final int FULL_DEPTH = Integer.MAX_VALUE;
    private static final double PLY_COST = 1e-3;
    private static final double HEURISTIC_SCALE = 0.5;
    /** Scores closer than this are equal. */
    private static final double TIE = 1e-9;

    public AlphaBeta {
        if (depth < 1) {
            throw new IllegalArgumentException("alpha-beta depth must be >= 1, got " + depth);
        }
    }

    @Override
    public String spec() {
        return depth == FULL_DEPTH ? "minimax" : "alphabeta:" + depth;
    }

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        int[] best = bestMoves(game);
        return best[random.nextInt(best.length)];
    }

    /** The score of the position for the player to move. */
    public double value(TurnBasedGame game) {
        return new Search(game.copy()).score(depth, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Every legal move with the best score, in the game's move order. Each root move is searched
     * with a window just below the best score so far, so ties come out exact without giving up
     * pruning.
     *
     * @throws IllegalStateException if the game is over
     */
    public int[] bestMoves(TurnBasedGame game) {
        int[] moves = Opponent.legalMoves(game);
        Search search = new Search(game.copy());
        int[] ties = new int[moves.length];
        int tieCount = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int move : moves) {
            search.game.play(move);
            double score = -search.score(depth - 1, 1, Double.NEGATIVE_INFINITY, -(best - TIE));
            search.game.undo();
            if (score > best + TIE) {
                best = score;
                tieCount = 0;
            }
            if (score > best - TIE) {
                ties[tieCount++] = move;
            }
        }
        return Arrays.copyOf(ties, tieCount);
    }

    /** One search: the game it plays moves on and a move buffer per ply. */
    private static final class Search {

        final TurnBasedGame game;
        private int[][] buffers = new int[16][];

        Search(TurnBasedGame game) {
            this.game = game;
        }

        /** Fail-soft negamax: exact inside (alpha, beta), a bound outside. */
        double score(int depth, int ply, double alpha, double beta) {
            TurnBasedGame.Outcome outcome = game.outcome();
            if (outcome.over()) {
                return outcome.valueFor(game.currentPlayer()) * (1 - ply * PLY_COST);
            }
            if (depth == 0) {
                return HEURISTIC_SCALE * game.heuristic(game.currentPlayer());
            }
            int[] moves = buffer(ply);
            int count = game.legalMoves(moves);
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count && alpha < beta; i++) {
                game.play(moves[i]);
                double score = -score(depth - 1, ply + 1, -beta, -alpha);
                game.undo();
                best = Math.max(best, score);
                alpha = Math.max(alpha, score);
            }
            return best;
        }

        private int[] buffer(int ply) {
            if (ply >= buffers.length) {
                buffers = Arrays.copyOf(buffers, 2 * ply);
            }
            if (buffers[ply] == null) {
                buffers[ply] = new int[game.actionCount()];
            }
            return buffers[ply];
        }
    }
}
