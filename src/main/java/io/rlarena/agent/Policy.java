package io.rlarena.agent;

/** Chooses an action for an observation; only actions whose mask entry is true may be chosen. */
@FunctionalInterface
public interface Policy {

    int act(float[] observation, boolean[] mask);

    /**
     * @throws IllegalArgumentException if the observation or mask does not fit a network of
     *                                  {@code inputs} values and {@code actions} outputs, e.g. an
     *                                  agent evaluated on another map size than it was trained on
     */
    static void requireFit(int inputs, int actions, float[] observation, boolean[] mask) {
        if (observation.length != inputs || mask.length != actions) {
            throw new IllegalArgumentException("the agent's network takes " + inputs + " observation values"
                    + " and scores " + actions + " actions, but this environment gives " + observation.length
                    + " values and " + mask.length + " actions: evaluate on the environment (and options) it was "
                    + "trained on");
        }
    }
}
