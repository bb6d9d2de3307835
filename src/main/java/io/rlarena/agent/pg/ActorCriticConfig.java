package io.rlarena.agent.pg;

import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.NetworkSpec;

/** What every policy-gradient configuration says about its actor-critic network. */
public interface ActorCriticConfig {

    /** Environment copies stepped in lockstep. */
    int nEnvs();

    /** Threads stepping the copies. */
    int envThreads();

    NetworkSpec network();

    double learningRate();

    double entCoef();

    double vfCoef();

    double maxGradNorm();

    boolean sharedTrunk();

    /**
     * Clip range of the policy loss; 0 (A2C, REINFORCE) for none: with one gradient step per batch
     * the old log-probabilities are the current ones, and the loss's gradient is the policy gradient.
     */
    default double clipRange() {
        return 0;
    }

    /**
     * The network these settings describe, for observations of {@code observationShape} and
     * {@code actions} actions, initialised from {@code seed}.
     */
    default ActorCritic buildNetwork(int[] observationShape, int actions, long seed) {
        ActorCritic network = network().buildActorCritic(observationShape, actions, learningRate(),
                new PolicyLoss(clipRange(), entCoef()), vfCoef(), sharedTrunk(), seed);
        if (maxGradNorm() > 0) {
            network.clipGradientNorm(maxGradNorm());
        }
        return network;
    }
}
