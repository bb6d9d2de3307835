package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Monte Carlo tree search with UCT (spec {@code mcts:SIMULATIONS}): each simulation descends the
 * tree by the UCB1 rule (exploration constant sqrt 2, unvisited moves first, in random order),
 * adds one node, plays uniformly random moves to the end of the game and backs up the result
 * (1 win, 1/2 draw, 0 loss for the player who made each move). The move played is the root's most
 * visited one.
 */
public record Mcts(int simulations) implements Opponent {

    private static final double EXPLORATION = Math.sqrt(2);

    public Mcts {
        if (simulations < 1) {
            throw new IllegalArgumentException("MCTS needs >= 1 simulation, got " + simulations);
        }
    }

    @Override
    public String spec() {
        return "mcts:" + simulations;
    }

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        Opponent.legalMoves(game); // throws if the game is over
        Tree tree = new Tree(game.copy(), random);
        for (int i = 0; i < simulations; i++) {
            tree.simulate();
        }
        return tree.mostVisitedMove();
    }

    /** The search tree in parallel arrays; node 0 is the root, children of a node are contiguous. */
    private static final class Tree {

        private final TurnBasedGame game;
        private final RandomGenerator random;
        private final int[] moves;
        private int[] move = new int[256];
        private int[] mover = new int[256];
        private int[] parent = new int[256];
        private int[] firstChild = new int[256];
        private int[] childCount = new int[256];
        private int[] visits = new int[256];
        private double[] wins = new double[256];
        private int size = 1;

        Tree(TurnBasedGame game, RandomGenerator random) {
            this.game = game;
            this.random = random;
            this.moves = new int[game.actionCount()];
            parent[0] = -1;
            mover[0] = 1 - game.currentPlayer();
        }

        /** Select, expand, roll out, back up; the game ends where it began. */
        void simulate() {
            int node = 0;
            int played = 0;
            while (!game.isOver()) {
                if (childCount[node] == 0) {
                    expand(node);
                }
                node = select(node);
                game.play(move[node]);
                played++;
                if (visits[node] == 0) {
                    break;
                }
            }
            while (!game.isOver()) {
                int count = game.legalMoves(moves);
                game.play(moves[random.nextInt(count)]);
                played++;
            }
            TurnBasedGame.Outcome outcome = game.outcome();
            for (int n = node; n >= 0; n = parent[n]) {
                visits[n]++;
                wins[n] += (outcome.valueFor(mover[n]) + 1) / 2;
            }
            for (; played > 0; played--) {
                game.undo();
            }
        }

        private void expand(int node) {
            int count = game.legalMoves(moves);
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = moves[i];
                moves[i] = moves[j];
                moves[j] = swap;
            }
            grow(size + count);
            firstChild[node] = size;
            childCount[node] = count;
            for (int i = 0; i < count; i++, size++) {
                move[size] = moves[i];
                mover[size] = game.currentPlayer();
                parent[size] = node;
            }
        }

        private int select(int node) {
            double logVisits = Math.log(visits[node]);
            int best = -1;
            double bestBound = Double.NEGATIVE_INFINITY;
            for (int child = firstChild[node]; child < firstChild[node] + childCount[node]; child++) {
                if (visits[child] == 0) {
                    return child;
                }
                double bound = wins[child] / visits[child] + EXPLORATION * Math.sqrt(logVisits / visits[child]);
                if (bound > bestBound) {
                    bestBound = bound;
                    best = child;
                }
            }
            return best;
        }

        int mostVisitedMove() {
            int best = firstChild[0];
            for (int child = best + 1; child < firstChild[0] + childCount[0]; child++) {
                boolean moreVisits = visits[child] > visits[best];
                boolean betterTie = visits[child] == visits[best] && wins[child] > wins[best];
                if (moreVisits || betterTie) {
                    best = child;
                }
            }
            return move[best];
        }

        private void grow(int needed) {
            if (needed <= move.length) {
                return;
            }
            int capacity = Math.max(needed, 2 * move.length);
            move = Arrays.copyOf(move, capacity);
            mover = Arrays.copyOf(mover, capacity);
            parent = Arrays.copyOf(parent, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            childCount = Arrays.copyOf(childCount, capacity);
            visits = Arrays.copyOf(visits, capacity);
            wins = Arrays.copyOf(wins, capacity);
        }
    }
}
