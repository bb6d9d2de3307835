package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.random.RandomGenerator;

/**
 * Perfect play (spec {@code solver}): a move with the best exact score of the game's
 * {@link GameSolver} (so the fastest win, else a draw, else the slowest loss), ties drawn from the
 * game's generator. Solves Connect Four and tic-tac-toe; keeps its solver, and with it the
 * solver's table, from move to move.
 */
public final class PerfectPlayer implements Opponent {

    private GameSolver solver;

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        if (solver == null) {
            solver = GameSolver.forGame(game);
        }
        int[] scores = solver.moveScores(game);
        int best = GameSolver.best(scores);
        int[] ties = new int[scores.length];
        int count = 0;
        for (int move : Opponent.legalMoves(game)) {
            if (scores[move] == best) {
                ties[count++] = move;
            }
        }
        return ties[random.nextInt(count)];
    }

    @Override
    public boolean plays(TurnBasedGame game) {
        return GameSolver.solves(game);
    }

    @Override
    public String spec() {
        return "solver";
    }
}
