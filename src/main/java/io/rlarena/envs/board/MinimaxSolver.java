package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;

/**
 * Exact move scores of a small game (tic-tac-toe) by full-depth alpha-beta, {@link AlphaBeta}'s
 * {@code minimax}: its value of a win {@code k} plies ahead, {@code 1 - k/1000}, tells the ply on
 * which the game ends and so the winner's stone count the {@link GameSolver} score needs.
 */
public final class MinimaxSolver implements GameSolver {

    private final AlphaBeta minimax = new AlphaBeta(AlphaBeta.FULL_DEPTH);

    @Override
    public int[] moveScores(TurnBasedGame game) {
        if (!(game instanceof TicTacToe board)) {
            throw new IllegalArgumentException("full minimax solves tic-tac-toe, not " + game.getClass().getSimpleName());
        }
        if (game.isOver()) {
            throw new IllegalArgumentException("the game is over (" + board.status() + "): there is nothing to solve");
        }
        int[] scores = new int[game.actionCount()];
        Arrays.fill(scores, NOT_LEGAL);
        TicTacToe position = board.copy();
        for (int move : Opponent.legalMoves(position)) {
            position.play(move);
            scores[move] = position.isOver() ? endScore(position, position.plies()) : -score(position);
            position.undo();
        }
        return scores;
    }

    @Override
    public int mostStones() {
        return (TicTacToe.CELLS + 1) / 2;
    }

    /** The score of a position in progress, for the player to move. */
    private int score(BoardGame position) {
        double value = minimax.value(position);
        if (Math.abs(value) < 0.5) {
            return 0;
        }
        int pliesToEnd = (int) Math.round((1 - Math.abs(value)) * 1000);
        int winnerStones = (position.plies() + pliesToEnd + 1) / 2;
        return (int) Math.signum(value) * (1 + mostStones() - winnerStones);
    }

    /** The score, for the player who just moved, of a game that ended with its {@code plies}-th move. */
    private int endScore(BoardGame game, int plies) {
        return game.outcome().winner() < 0 ? 0 : 1 + mostStones() - (plies + 1) / 2;
    }
}
