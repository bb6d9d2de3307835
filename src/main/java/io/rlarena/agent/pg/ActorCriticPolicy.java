package io.rlarena.agent.pg;

import io.rlarena.agent.Policy;
import io.rlarena.nn.ActorCritic;

/** Greedy policy of an actor-critic network: the legal action with the largest logit. */
public final class ActorCriticPolicy implements Policy {

    private final ActorCritic network;

    public ActorCriticPolicy(ActorCritic network) {
        this.network = network;
    }

    /** The policy of a saved actor-critic network (agent files of PPO, A2C and REINFORCE). */
    public static ActorCriticPolicy load(byte[] modelBytes) {
        return new ActorCriticPolicy(ActorCritic.fromBytes(modelBytes, false));
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        Policy.requireFit(network.inputSize(), network.actions(), observation, mask);
        return Categorical.mode(network.output(observation, 1).logits(), mask, 0, mask.length);
    }
}
