package io.rlarena.agent.alphazero;

import io.rlarena.env.TurnBasedGame;
import io.rlarena.nn.ActorCritic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One game's PUCT search tree (AlphaZero's), in flat arrays: nodes are positions, edges the legal
 * moves out of them with the network's prior, a visit count and a value sum from the mover's
 * side. A simulation walks from the root along the edge maximizing
 * {@code Q + cPuct * P * sqrt(N(parent)) / (1 + N(edge))} to a position not yet expanded; a
 * finished game there is valued exactly (win 1, loss -1, draw 0), any other is expanded with the
 * network's priors over the legal moves (illegal moves never get an edge) and valued by its value
 * head; the value is backed up the path, negated at every ply. A node's visits are its edges'. After a move is played the subtree
 * under it stays and becomes the new root's.
 */
final class SearchTree {

    private int nodeCount;
    private int edgeCount;
    private int root;
    private int[] firstEdge = new int[64];
    private int[] nodeEdges = new int[64];
    private int[] edgeAction = new int[256];
    private float[] edgePrior = new float[256];
    private int[] edgeVisits = new int[256];
    private float[] edgeValue = new float[256];
    private int[] edgeChild = new int[256];
    /** The edges of the last {@link #descend} and the leaf it reached. */
    private int[] path = new int[64];
    private int pathLength;
    private int leaf;

    SearchTree() {
        clear();
    }

    /**
     * Expands every tree whose root is not expanded yet, in one network call: the root's priors
     * must be there before noise is mixed into them.
     */
    static void expandRoots(List<SearchTree> trees, List<? extends TurnBasedGame> games, ActorCritic network) {
        List<Integer> unexpanded = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            if (!trees.get(i).rootExpanded() && trees.get(i).descend(games.get(i), 0)) {
                unexpanded.add(i);
            }
        }
        evaluate(trees, games, network, unexpanded);
    }

    /**
     * Runs {@code simulations} simulations in every tree; each round takes one leaf from each
     * tree and evaluates all of them in one network call.
     */
    static void simulate(List<SearchTree> trees, List<? extends TurnBasedGame> games, ActorCritic network,
                         int simulations, double cPuct) {
        for (int round = 0; round < simulations; round++) {
            List<Integer> waiting = new ArrayList<>();
            for (int i = 0; i < trees.size(); i++) {
                if (trees.get(i).descend(games.get(i), cPuct)) {
                    waiting.add(i);
                }
            }
            evaluate(trees, games, network, waiting);
        }
    }

    /** Expands the leaves the trees {@code waiting} reached, with one network call over their positions. */
    private static void evaluate(List<SearchTree> trees, List<? extends TurnBasedGame> games, ActorCritic network,
                                 List<Integer> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        float[] inputs = new float[waiting.size() * network.inputSize()];
        for (int k = 0; k < waiting.size(); k++) {
            TurnBasedGame game = games.get(waiting.get(k));
            System.arraycopy(game.observation(game.currentPlayer()), 0, inputs, k * network.inputSize(),
                    network.inputSize());
        }
        ActorCritic.Output output = network.output(inputs, waiting.size());
        for (int k = 0; k < waiting.size(); k++) {
            int i = waiting.get(k);
            trees.get(i).expand(games.get(i), output.logits(), k * network.actions(), output.values()[k]);
        }
    }

    /**
     * The move to play from a root's visit distribution: drawn in proportion to it when
     * {@code explore}, else the most visited (ties drawn uniformly).
     */
    static int choose(float[] visits, boolean explore, RandomGenerator random) {
        if (explore) {
            double r = random.nextDouble();
            int last = -1;
            for (int a = 0; a < visits.length; a++) {
                if (visits[a] > 0) {
                    last = a;
                    r -= visits[a];
                    if (r < 0) {
                        return a;
                    }
                }
            }
            return last;
        }
        float most = -1;
        int ties = 0;
        for (float v : visits) {
            if (v > most) {
                most = v;
                ties = 1;
            } else if (v == most) {
                ties++;
            }
        }
        int pick = random.nextInt(ties);
        for (int a = 0; a < visits.length; a++) {
            if (visits[a] == most && pick-- == 0) {
                return a;
            }
        }
        throw new IllegalStateException("no move was visited");
    }

    /** Forgets everything: the next search starts from a new, unexpanded root. */
    void clear() {
        nodeCount = 0;
        edgeCount = 0;
        root = newNode();
    }

    boolean rootExpanded() {
        return nodeEdges[root] >= 0;
    }

    /**
     * Plays a simulation's moves on {@code game} down to a position not yet expanded (or a finished
     * game) and returns whether that leaf needs the network: false when the game is over there, in
     * which case the exact value is already backed up and the moves taken back.
     */
    boolean descend(TurnBasedGame game, double cPuct) {
        pathLength = 0;
        int node = root;
        while (nodeEdges[node] >= 0 && !game.isOver()) {
            int edge = bestEdge(node, cPuct);
            game.play(edgeAction[edge]);
            if (pathLength == path.length) {
                path = Arrays.copyOf(path, 2 * path.length);
            }
            path[pathLength++] = edge;
            if (edgeChild[edge] < 0) {
                edgeChild[edge] = newNode();
            }
            node = edgeChild[edge];
        }
        leaf = node;
        if (game.isOver()) {
            backup(game, (float) game.outcome().valueFor(game.currentPlayer()));
            return false;
        }
        return true;
    }

    private int bestEdge(int node, double cPuct) {
        int visits = 0;
        for (int edge = firstEdge[node], end = edge + nodeEdges[node]; edge < end; edge++) {
            visits += edgeVisits[edge];
        }
        double exploration = cPuct * Math.sqrt(Math.max(1, visits));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int edge = firstEdge[node], end = edge + nodeEdges[node]; edge < end; edge++) {
            double q = edgeVisits[edge] == 0 ? 0 : edgeValue[edge] / edgeVisits[edge];
            double score = q + exploration * edgePrior[edge] / (1 + edgeVisits[edge]);
            if (score > bestScore) {
                bestScore = score;
                best = edge;
            }
        }
        return best;
    }

    /**
     * Expands the leaf {@link #descend} reached with the softmax of {@code logits} (from
     * {@code offset}) over the legal moves of {@code game}, standing at the leaf; backs up
     * {@code value} (the value head's, for the player to move there) and takes the moves back.
     */
    void expand(TurnBasedGame game, float[] logits, int offset, float value) {
        boolean[] legal = game.legalMask();
        float max = Float.NEGATIVE_INFINITY;
        for (int a = 0; a < legal.length; a++) {
            if (legal[a]) {
                max = Math.max(max, logits[offset + a]);
            }
        }
        firstEdge[leaf] = edgeCount;
        int count = 0;
        double sum = 0;
        for (int a = 0; a < legal.length; a++) {
            if (legal[a]) {
                int edge = newEdge(a, (float) Math.exp(logits[offset + a] - max));
                sum += edgePrior[edge];
                count++;
            }
        }
        for (int edge = firstEdge[leaf]; edge < firstEdge[leaf] + count; edge++) {
            edgePrior[edge] /= (float) sum;
        }
        nodeEdges[leaf] = count;
        backup(game, Math.max(-1f, Math.min(1f, value)));
    }

    /** Adds {@code value}, for the player to move at the leaf, to every edge of the path, and takes its moves back. */
    private void backup(TurnBasedGame game, float value) {
        float forMover = value;
        for (int i = pathLength - 1; i >= 0; i--) {
            forMover = -forMover;
            int edge = path[i];
            edgeVisits[edge]++;
            edgeValue[edge] += forMover;
            game.undo();
        }
    }

    /** Mixes Dirichlet({@code alpha}) noise into the root's priors: {@code (1 - epsilon) P + epsilon * noise}. */
    void addRootNoise(double alpha, double epsilon, RandomGenerator random) {
        int first = firstEdge[root];
        int count = nodeEdges[root];
        double[] noise = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            noise[i] = Gamma.sample(alpha, random);
            sum += noise[i];
        }
        for (int i = 0; i < count; i++) {
            edgePrior[first + i] = (float) ((1 - epsilon) * edgePrior[first + i] + epsilon * noise[i] / sum);
        }
    }

    /** The root's visit counts as a distribution over {@code actions} actions. */
    float[] visitDistribution(int actions) {
        float[] distribution = new float[actions];
        int total = 0;
        for (int edge = firstEdge[root], end = edge + nodeEdges[root]; edge < end; edge++) {
            total += edgeVisits[edge];
        }
        for (int edge = firstEdge[root], end = edge + nodeEdges[root]; edge < end; edge++) {
            distribution[edgeAction[edge]] = total == 0 ? 0 : (float) edgeVisits[edge] / total;
        }
        return distribution;
    }

    /** Makes the subtree under {@code action} the new root (a fresh root if that move was never expanded). */
    void advance(int action) {
        int next = -1;
        if (rootExpanded()) {
            for (int edge = firstEdge[root], end = edge + nodeEdges[root]; edge < end; edge++) {
                if (edgeAction[edge] == action) {
                    next = edgeChild[edge];
                }
            }
        }
        if (next < 0) {
            clear();
        } else {
            root = next;
        }
    }

    private int newNode() {
        if (nodeCount == firstEdge.length) {
            int size = 2 * nodeCount;
            firstEdge = Arrays.copyOf(firstEdge, size);
            nodeEdges = Arrays.copyOf(nodeEdges, size);
        }
        firstEdge[nodeCount] = -1;
        nodeEdges[nodeCount] = -1;
        return nodeCount++;
    }

    private int newEdge(int action, float prior) {
        if (edgeCount == edgeAction.length) {
            int size = 2 * edgeCount;
            edgeAction = Arrays.copyOf(edgeAction, size);
            edgePrior = Arrays.copyOf(edgePrior, size);
            edgeVisits = Arrays.copyOf(edgeVisits, size);
            edgeValue = Arrays.copyOf(edgeValue, size);
            edgeChild = Arrays.copyOf(edgeChild, size);
        }
        edgeAction[edgeCount] = action;
        edgePrior[edgeCount] = prior;
        edgeVisits[edgeCount] = 0;
        edgeValue[edgeCount] = 0;
        edgeChild[edgeCount] = -1;
        return edgeCount++;
    }
}
