package io.rlarena.train;

import io.rlarena.agent.Policy;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.Opponent;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The opponent {@code self} of a training run: snapshots of the agent being trained, taken at
 * the start and at every checkpoint. Each game draws the latest snapshot with probability 1/2,
 * otherwise one of the earlier snapshots uniformly, so the agent keeps beating its past selves
 * while it meets its current one.
 */
final class SelfPlayPool implements Opponent {

    private final List<Opponent> snapshots = new ArrayList<>();

    /** Adds the greedy policy of a snapshot named {@code name} (e.g. its step). */
    void add(String name, Policy policy) {
        snapshots.add(new Arena.PolicyPlayer(name, policy));
    }

    int size() {
        return snapshots.size();
    }

    @Override
    public Opponent forNewGame(RandomGenerator random) {
        if (snapshots.isEmpty()) {
            throw new IllegalStateException("the self-play pool has no snapshot yet");
        }
        int latest = snapshots.size() - 1;
        return snapshots.get(latest == 0 || random.nextBoolean() ? latest : random.nextInt(latest));
    }

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        return forNewGame(random).move(game, random);
    }

    @Override
    public String spec() {
        return "self";
    }
}
