package io.rlarena.agent;

import io.rlarena.nn.Network;

/** Greedy policy of a Q-network: the legal action with the largest Q-value. */
public final class QPolicy implements Policy {

    private final Network network;

    public QPolicy(Network network) {
        this.network = network;
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        Policy.requireFit(network.inputSize(), network.outputSize(), observation, mask);
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
