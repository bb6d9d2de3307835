package io.rlarena.env;

import java.util.List;

/**
 * The exact transition model of an environment with finitely many states (gridworlds): what
 * oracles such as value iteration read. An environment offering one must step by sampling it, and
 * observe state {@code s} as {@code float[] {s}} (a {@link Discrete} observation space), so that
 * oracles can ask a policy what it does in every state.
 */
public interface TabularModel {

    int numStates();

    int numActions();

    int initialState();

    /** True for absorbing states where an episode has ended. */
    boolean isTerminal(int state);

    /** Outcomes of {@code action} in {@code state}, probabilities summing to 1. */
    List<Transition> transitions(int state, int action);

    /** One outcome: probability, next state, reward, whether it ends the episode, whether it counts as success. */
    record Transition(double probability, int nextState, double reward, boolean terminated, boolean success) {
    }
}
