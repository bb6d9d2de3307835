package io.rlarena.agent.alphazero;

import io.rlarena.agent.Policy;
import io.rlarena.agent.SearchingPolicy;
import io.rlarena.agent.pg.Categorical;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.nn.ActorCritic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An AlphaZero network as a player: on an observation, its most probable legal move; on a game,
 * the most visited move of a PUCT search ({@link SearchTree}, no noise) of {@link #simulations()}
 * simulations, by default the default configuration's.
 */
public final class AlphaZeroPolicy implements SearchingPolicy {

    private final ActorCritic network;
    private final int simulations;

    AlphaZeroPolicy(ActorCritic network) {
        this(network, AlphaZeroConfig.DEFAULTS.simulations());
    }

    private AlphaZeroPolicy(ActorCritic network, int simulations) {
        if (simulations < 1) {
            throw new IllegalArgumentException("--simulations must be >= 1, got " + simulations);
        }
        this.network = network;
        this.simulations = simulations;
    }

    /** The policy of a saved AlphaZero network. */
    public static AlphaZeroPolicy load(byte[] modelBytes) {
        return new AlphaZeroPolicy(ActorCritic.fromBytes(modelBytes, false));
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        Policy.requireFit(network.inputSize(), network.actions(), observation, mask);
        return Categorical.mode(network.output(observation, 1).logits(), mask, 0, mask.length);
    }

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        TurnBasedGame position = game.copy();
        List<SearchTree> tree = List.of(new SearchTree());
        SearchTree.expandRoots(tree, List.of(position), network);
        SearchTree.simulate(tree, List.of(position), network, simulations, AlphaZeroConfig.DEFAULTS.cPuct());
        return SearchTree.choose(tree.get(0).visitDistribution(game.actionCount()), false, random);
    }

    @Override
    public int simulations() {
        return simulations;
    }

    @Override
    public SearchingPolicy withSimulations(int simulations) {
        return new AlphaZeroPolicy(network, simulations);
    }
}
