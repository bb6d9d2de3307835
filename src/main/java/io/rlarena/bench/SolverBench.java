package io.rlarena.bench;

import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.ConnectFour;
import io.rlarena.envs.board.ConnectFourSolver;
import io.rlarena.train.PositionSet;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The Connect Four solver's speed on a position file: the time to find each position's score,
 * with the transposition table cleared (untimed) before every position, so each is solved cold.
 */
public final class SolverBench {

    private SolverBench() {
    }

    /** One file's timings: stone counts, milliseconds per position, and positions searched per second. */
    public record Timing(String file, int positions, int minStones, int maxStones, Stat millisPerPosition,
                         double nodesPerSecond) {
    }

    /**
     * Solves every position of {@code file} and checks each score against the file's.
     *
     * @throws IllegalStateException if a score differs from the file's (the file or the solver is wrong)
     */
    public static Timing time(Path file, IntConsumer progress) {
        ConnectFourSolver solver = new ConnectFourSolver();
        List<PositionSet.Position> positions = PositionSet.read(file, ConnectFour::new, solver);
        double[] millis = new double[positions.size()];
        long nodes = 0;
        double seconds = 0;
        int minStones = Integer.MAX_VALUE;
        int maxStones = 0;
        for (int i = 0; i < positions.size(); i++) {
            PositionSet.Position position = positions.get(i);
            TurnBasedGame game = PositionSet.play(ConnectFour::new, position.moves());
            solver.clear();
            long nodesBefore = solver.nodes();
            long start = System.nanoTime();
            int score = solver.score((ConnectFour) game);
            long elapsed = System.nanoTime() - start;
            if (score != position.score()) {
                throw new IllegalStateException(file + ": the solver scores '" + position.moves() + "' " + score
                        + ", the file " + position.score());
            }
            millis[i] = elapsed / 1e6;
            seconds += elapsed / 1e9;
            nodes += solver.nodes() - nodesBefore;
            minStones = Math.min(minStones, position.moves().length());
            maxStones = Math.max(maxStones, position.moves().length());
            progress.accept(i + 1);
        }
        return new Timing(file.toString(), positions.size(), minStones, maxStones, Stat.of(millis), nodes / seconds);
    }
}
