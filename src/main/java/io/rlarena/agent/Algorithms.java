package io.rlarena.agent;

import io.rlarena.agent.alphazero.AlphaZero;
import io.rlarena.agent.dqn.Dqn;
import io.rlarena.agent.pg.A2c;
import io.rlarena.agent.pg.Ppo;
import io.rlarena.agent.pg.Reinforce;

import java.util.Map;
import java.util.TreeMap;

/** The algorithms rlarena can train, by name. */
public final class Algorithms {

    private static final Map<String, Algorithm> ALL = new TreeMap<>(Map.of(
            Dqn.ALGORITHM.name(), Dqn.ALGORITHM,
            Ppo.ALGORITHM.name(), Ppo.ALGORITHM,
            A2c.ALGORITHM.name(), A2c.ALGORITHM,
            Reinforce.ALGORITHM.name(), Reinforce.ALGORITHM,
            AlphaZero.ALGORITHM.name(), AlphaZero.ALGORITHM));

    private Algorithms() {
    }

    /** @throws IllegalArgumentException naming the valid algorithms */
    public static Algorithm get(String name) {
        Algorithm algorithm = ALL.get(name);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown agent '" + name + "'; available: " + String.join(", ", ALL.keySet()));
        }
        return algorithm;
    }
}
