package io.rlarena.agent.alphazero;

import io.rlarena.env.RestorableRandom;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.ConnectFour;
import io.rlarena.envs.board.TicTacToe;
import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.NetworkSpec;
import io.rlarena.nn.SoftmaxCrossEntropy;
import io.rlarena.train.PositionSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PUCT search: exact values at finished games find wins and blocks even with an untrained network. */
class SearchTreeTest {

    private static ActorCritic untrained(TurnBasedGame game) {
        return new NetworkSpec(List.of(), List.of(16), "relu", false).buildActorCritic(game.planeShape(),
                game.actionCount(), 1e-3, new SoftmaxCrossEntropy(), 1.0, true, 9);
    }

    private static float[] search(TurnBasedGame game, int simulations) {
        SearchTree tree = new SearchTree();
        ActorCritic network = untrained(game);
        SearchTree.expandRoots(List.of(tree), List.of(game), network);
        SearchTree.simulate(List.of(tree), List.of(game), network, simulations, 1.5);
        return tree.visitDistribution(game.actionCount());
    }

    private static int mostVisited(float[] visits) {
        return SearchTree.choose(visits, false, new RestorableRandom(1));
    }

    @Test
    void findsTheWinningMoveAndLeavesTheGameAsItWas() {
        // X on 1 and 2 (top row), O on 4 and 5: X wins on 3.
        TurnBasedGame game = PositionSet.play(TicTacToe::new, "1425");
        String before = game.render();
        float[] visits = search(game, 200);
        assertEquals(2, mostVisited(visits));
        assertEquals(before, game.render(), "every simulation takes its moves back");
        float total = 0;
        for (int a = 0; a < visits.length; a++) {
            total += visits[a];
            assertTrue(game.isLegal(a) || visits[a] == 0, "an illegal move got visits: " + a);
        }
        assertEquals(1f, total, 1e-5f);
    }

    @Test
    void blocksTheOnlyThreat() {
        // Connect Four: X has three in column 1 and O must block on 1, or lose at once.
        TurnBasedGame game = PositionSet.play(ConnectFour::new, "12131");
        assertEquals(0, mostVisited(search(game, 300)));
    }

    @Test
    void theSubtreeOfThePlayedMoveIsKept() {
        TurnBasedGame game = new TicTacToe();
        SearchTree tree = new SearchTree();
        ActorCritic network = untrained(game);
        SearchTree.expandRoots(List.of(tree), List.of(game), network);
        SearchTree.simulate(List.of(tree), List.of(game), network, 100, 1.5);
        int move = mostVisited(tree.visitDistribution(9));
        game.play(move);
        tree.advance(move);
        assertTrue(tree.rootExpanded(), "the child was searched, so it is the new expanded root");
        float[] visits = tree.visitDistribution(9);
        assertEquals(0, visits[move], "the played cell has no edge");
    }

    @Test
    void dirichletNoiseDrawsGammaVariatesOfTheRightMean() {
        RandomGenerator random = new RestorableRandom(5);
        for (double shape : new double[] {0.3, 1.0, 2.5}) {
            double sum = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                sum += Gamma.sample(shape, random);
            }
            assertEquals(shape, sum / n, 0.05 * Math.max(1, shape), "mean of Gamma(" + shape + ")");
        }
    }
}
