package io.rlarena.agent;

/** Chooses an action for an observation; only actions whose mask entry is true may be chosen. */
@FunctionalInterface
public interface Policy {

    int act(float[] observation, boolean[] mask);
}
