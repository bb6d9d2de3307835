package io.rlarena.agent.pg;

import io.rlarena.agent.Checks;
import io.rlarena.nn.NetworkSpec;

import java.util.List;

import static io.rlarena.agent.Checks.atLeast;
import static io.rlarena.agent.Checks.notNegative;
import static io.rlarena.agent.Checks.positive;
import static io.rlarena.agent.Checks.range;

/**
 * A2C hyperparameters (names as in Stable-Baselines3), validated on construction.
 *
 * @param learningRate       Adam step size
 * @param nEnvs              environment copies stepped in lockstep
 * @param nSteps             vector steps per update: the n of the n-step returns
 * @param gamma              discount factor
 * @param normalizeAdvantage scale each update's advantages to mean 0, deviation 1
 * @param entCoef            weight of the entropy bonus
 * @param vfCoef             weight of the value loss
 * @param maxGradNorm        global gradient-norm clip (0: off)
 * @param annealLr           fall linearly from learning_rate to 0 over training
 * @param sharedTrunk        one trunk for both heads (else separate policy and value trunks)
 * @param envThreads         threads stepping the environment copies (1: the learner's thread)
 * @param network            trunk layers: convolutions, hidden layers, activation
 */
public record A2cConfig(double learningRate, int nEnvs, int nSteps, double gamma, boolean normalizeAdvantage,
                        double entCoef, double vfCoef, double maxGradNorm, boolean annealLr, boolean sharedTrunk,
                        int envThreads, NetworkSpec network) implements ActorCriticConfig {

    public static final A2cConfig DEFAULTS = new A2cConfig(7e-4, 8, 5, 0.99, false, 0.0, 0.5, 0.5, false, false, 1,
            new NetworkSpec(List.of(), List.of(64, 64), "tanh", false));

    public A2cConfig {
        positive("a2c.learning_rate", learningRate);
        atLeast("a2c.n_envs", nEnvs, 1);
        atLeast("a2c.n_steps", nSteps, 1);
        range("a2c.gamma", gamma, 0, 1);
        notNegative("a2c.ent_coef", entCoef);
        positive("a2c.vf_coef", vfCoef);
        notNegative("a2c.max_grad_norm", maxGradNorm);
        atLeast("a2c.env_threads", envThreads, 1);
        Checks.present("a2c.network", network, "{\"hidden\": [64, 64], \"activation\": \"tanh\"}");
    }
}
