package io.rlarena.agent;

import io.rlarena.env.TurnBasedGame;

import java.util.random.RandomGenerator;

/**
 * A policy that, given the game itself rather than an observation, searches it for its move
 * (AlphaZero's tree search guided by its network); {@link #act} is the network alone.
 */
public interface SearchingPolicy extends Policy {

    /** A legal move for the player to move in {@code game}, which is left as it was. */
    int move(TurnBasedGame game, RandomGenerator random);

    /** Simulations per move of {@link #move}. */
    int simulations();

    /** The same policy searching {@code simulations} simulations per move (1: the network's own choice). */
    SearchingPolicy withSimulations(int simulations);
}
