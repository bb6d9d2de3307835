package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

/**
 * Exact game-theoretic values of a board game's moves, in the standard score convention (see
 * {@link ConnectFourSolver}): from the side to move, 0 a draw, a win {@code 1 + S - s} where the
 * winner ends the game with its {@code s}-th stone and {@code S} is the most stones one player can
 * place (21 in Connect Four, 5 in tic-tac-toe), a loss the negative of the winner's score.
 */
public interface GameSolver {

    /** The score written for an illegal move. */
    int NOT_LEGAL = Integer.MIN_VALUE;

    /**
     * Each action's score for the player to move ({@link #NOT_LEGAL} for an illegal one); the
     * position's score is the best of them.
     *
     * @throws IllegalArgumentException if the game is over or is not one this solver solves
     */
    int[] moveScores(TurnBasedGame game);

    /** The most stones one player can place, {@code S} above: 21 in Connect Four, 5 in tic-tac-toe. */
    int mostStones();

    /** The best of {@code moveScores}: the score of the position. */
    static int best(int[] moveScores) {
        int best = NOT_LEGAL;
        for (int score : moveScores) {
            best = Math.max(best, score);
        }
        return best;
    }

    /** -1, 0 or 1: a loss, a draw or a win, the outcome a score stands for. */
    static int outcome(int score) {
        return Integer.signum(score);
    }

    /** Whether {@link #forGame} has a solver for {@code game}. */
    static boolean solves(TurnBasedGame game) {
        return game instanceof ConnectFour || game instanceof TicTacToe;
    }

    /**
     * A solver for {@code game}: {@link ConnectFourSolver} for Connect Four, {@link MinimaxSolver}
     * for tic-tac-toe.
     *
     * @throws IllegalArgumentException for a game without one (Othello: too large to solve)
     */
    static GameSolver forGame(TurnBasedGame game) {
        if (game instanceof ConnectFour) {
            return new ConnectFourSolver();
        }
        if (game instanceof TicTacToe) {
            return new MinimaxSolver();
        }
        throw new IllegalArgumentException("no exact solver for " + game.getClass().getSimpleName()
                + ": solved are ConnectFour-v0 (its solver) and TicTacToe-v0 (full minimax)");
    }
}
