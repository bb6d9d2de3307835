package io.rlarena.agent.pg;

import io.rlarena.agent.Checks;
import io.rlarena.nn.NetworkSpec;

import java.util.List;

import static io.rlarena.agent.Checks.atLeast;
import static io.rlarena.agent.Checks.notNegative;
import static io.rlarena.agent.Checks.positive;
import static io.rlarena.agent.Checks.range;

/**
 * REINFORCE hyperparameters, validated on construction.
 *
 * @param learningRate       Adam step size
 * @param nEnvs              environment copies; each update uses one complete episode from each
 * @param gamma              discount factor
 * @param normalizeAdvantage scale each update's advantages to mean 0, deviation 1
 * @param entCoef            weight of the entropy bonus
 * @param vfCoef             weight of the baseline's (value head's) loss
 * @param maxGradNorm        global gradient-norm clip (0: off)
 * @param sharedTrunk        one trunk for policy and baseline (else separate trunks)
 * @param envThreads         threads stepping the environment copies (1: the learner's thread)
 * @param network            trunk layers: convolutions, hidden layers, activation
 */
public record ReinforceConfig(double learningRate, int nEnvs, double gamma, boolean normalizeAdvantage, double entCoef,
                              double vfCoef, double maxGradNorm, boolean sharedTrunk, int envThreads,
                              NetworkSpec network) implements ActorCriticConfig {

    public static final ReinforceConfig DEFAULTS = new ReinforceConfig(1e-3, 8, 0.99, true, 0.0, 0.5, 0.5, false, 1,
            new NetworkSpec(List.of(), List.of(64, 64), "tanh", false));

    public ReinforceConfig {
        positive("reinforce.learning_rate", learningRate);
        atLeast("reinforce.n_envs", nEnvs, 1);
        range("reinforce.gamma", gamma, 0, 1);
        notNegative("reinforce.ent_coef", entCoef);
        positive("reinforce.vf_coef", vfCoef);
        notNegative("reinforce.max_grad_norm", maxGradNorm);
        atLeast("reinforce.env_threads", envThreads, 1);
        Checks.present("reinforce.network", network, "{\"hidden\": [64, 64], \"activation\": \"tanh\"}");
    }
}
