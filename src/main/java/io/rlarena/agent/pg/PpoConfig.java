package io.rlarena.agent.pg;

import io.rlarena.agent.Checks;
import io.rlarena.nn.NetworkSpec;

import java.util.List;

import static io.rlarena.agent.Checks.atLeast;
import static io.rlarena.agent.Checks.notNegative;
import static io.rlarena.agent.Checks.positive;
import static io.rlarena.agent.Checks.range;

/**
 * PPO hyperparameters (names as in Stable-Baselines3), validated on construction.
 *
 * @param learningRate       Adam step size
 * @param nEnvs              environment copies stepped in lockstep
 * @param nSteps             vector steps per rollout (a rollout holds n_envs x n_steps transitions)
 * @param batchSize          transitions per minibatch
 * @param nEpochs            passes over each rollout
 * @param gamma              discount factor
 * @param gaeLambda          GAE's bias-variance trade-off (1: Monte-Carlo-like, 0: one-step TD)
 * @param clipRange          how far the probability ratio may move before its gradient is clipped
 * @param normalizeAdvantage scale each minibatch's advantages to mean 0, deviation 1
 * @param entCoef            weight of the entropy bonus
 * @param vfCoef             weight of the value loss
 * @param maxGradNorm        global gradient-norm clip (0: off)
 * @param annealLr           fall linearly from learning_rate to 0 over training
 * @param sharedTrunk        one trunk for both heads (else separate policy and value trunks)
 * @param envThreads         threads stepping the environment copies (1: the learner's thread)
 * @param network            trunk layers: convolutions, hidden layers, activation
 */
public record PpoConfig(double learningRate, int nEnvs, int nSteps, int batchSize, int nEpochs, double gamma,
                        double gaeLambda, double clipRange, boolean normalizeAdvantage, double entCoef, double vfCoef,
                        double maxGradNorm, boolean annealLr, boolean sharedTrunk, int envThreads,
                        NetworkSpec network) implements ActorCriticConfig {

    public static final PpoConfig DEFAULTS = new PpoConfig(3e-4, 8, 128, 256, 4, 0.99, 0.95, 0.2, true, 0.0, 0.5, 0.5,
            false, false, 1, new NetworkSpec(List.of(), List.of(64, 64), "tanh", false));

    public PpoConfig {
        positive("ppo.learning_rate", learningRate);
        atLeast("ppo.n_envs", nEnvs, 1);
        atLeast("ppo.n_steps", nSteps, 1);
        atLeast("ppo.batch_size", batchSize, 1);
        atLeast("ppo.n_epochs", nEpochs, 1);
        range("ppo.gamma", gamma, 0, 1);
        range("ppo.gae_lambda", gaeLambda, 0, 1);
        positive("ppo.clip_range", clipRange);
        notNegative("ppo.ent_coef", entCoef);
        positive("ppo.vf_coef", vfCoef);
        notNegative("ppo.max_grad_norm", maxGradNorm);
        atLeast("ppo.env_threads", envThreads, 1);
        Checks.present("ppo.network", network, "{\"hidden\": [64, 64], \"activation\": \"tanh\"}");
    }
}
