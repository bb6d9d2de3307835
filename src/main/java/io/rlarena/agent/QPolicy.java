package io.rlarena.agent;

import io.rlarena.nn.Network;

/** Greedy policy of a Q-network: the legal action with the largest Q-value. */
public final class QPolicy implements Policy {

    private final Network network;

    public QPolicy(Network network) {
        this.network = network;
    }

    /**
     * @throws IllegalArgumentException if the observation or mask does not fit the network, e.g.
     *                                  an agent evaluated on another map size than it was trained on
     */
    @Override
    public int act(float[] observation, boolean[] mask) {
        if (observation.length != network.inputSize() || mask.length != network.outputSize()) {
            throw new IllegalArgumentException("the agent's network takes " + network.inputSize() + " observation values"
                    + " and scores " + network.outputSize() + " actions, but this environment gives " + observation.length
                    + " values and " + mask.length + " actions: evaluate on the environment (and options) it was "
                    + "trained on");
        }
        float[] q = network.output(observation, 1);
        return argmaxLegal(q, 0, q.length, mask, 0);
    }

    /**
     * The index (relative to {@code offset}) of the largest of {@code values[offset .. offset+n)}
     * among entries whose {@code mask[maskOffset + i]} is true; the lowest index on ties; -1 if
     * no entry is legal.
     */
    public static int argmaxLegal(float[] values, int offset, int n, boolean[] mask, int maskOffset) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (mask[maskOffset + i] && (best < 0 || values[offset + i] > values[offset + best])) {
                best = i;
            }
        }
        return best;
    }
}
