package io.rlarena.agent.dqn;

import io.rlarena.agent.Checks;
import io.rlarena.nn.NetworkSpec;

import java.util.List;

import static io.rlarena.agent.Checks.atLeast;
import static io.rlarena.agent.Checks.positive;
import static io.rlarena.agent.Checks.range;

/**
 * DQN hyperparameters (names as in Stable-Baselines3). Validated on construction; every error
 * names the field, the rule and the value. {@link #DEFAULTS} is the one place defaults live.
 *
 * @param learningRate          Adam step size
 * @param gamma                 discount factor
 * @param batchSize             transitions per gradient step
 * @param bufferSize            replay buffer capacity
 * @param learningStarts        environment steps collected before the first update
 * @param trainFreq             environment steps between updates
 * @param gradientSteps         gradient steps per update
 * @param targetUpdateInterval  environment steps between target-network updates
 * @param tau                   target update weight: 1 copies the online network, less is a soft (Polyak) update
 * @param doubleQ               Double DQN: the online network picks the next action, the target network values it
 * @param explorationFraction   share of training over which epsilon falls linearly
 * @param explorationInitialEps epsilon at the start
 * @param explorationFinalEps   epsilon after the fall
 * @param huberDelta            where the Huber loss turns from quadratic to linear
 * @param nSteps                n-step returns: rewards of this many steps, then the bootstrap (1: plain TD)
 * @param nEnvs                 environment copies stepped in lockstep, acting with one batched forward call
 * @param mirrorTransitions     also learn from every transition's left-right mirror image (board games
 *                              whose rules have that symmetry: Connect Four, tic-tac-toe)
 * @param network               the Q-network: convolutions, hidden layers, activation, dueling heads
 */
public record DqnConfig(double learningRate, double gamma, int batchSize, int bufferSize, int learningStarts,
                        int trainFreq, int gradientSteps, int targetUpdateInterval, double tau, boolean doubleQ,
                        double explorationFraction, double explorationInitialEps, double explorationFinalEps,
                        double huberDelta, int nSteps, int nEnvs, boolean mirrorTransitions,
                        NetworkSpec network) {

    public static final DqnConfig DEFAULTS = new DqnConfig(1e-3, 0.99, 64, 50_000, 1_000, 4, 1, 1_000, 1.0, true,
            0.2, 1.0, 0.05, 1.0, 1, 1, false, new NetworkSpec(List.of(), List.of(64, 64), "relu", false));

    public DqnConfig {
        positive("dqn.learning_rate", learningRate);
        range("dqn.gamma", gamma, 0, 1);
        atLeast("dqn.batch_size", batchSize, 1);
        atLeast("dqn.buffer_size", bufferSize, batchSize);
        atLeast("dqn.learning_starts", learningStarts, 0);
        atLeast("dqn.train_freq", trainFreq, 1);
        atLeast("dqn.gradient_steps", gradientSteps, 1);
        atLeast("dqn.target_update_interval", targetUpdateInterval, 1);
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("dqn.tau must be in (0, 1], got " + tau);
        }
        range("dqn.exploration_fraction", explorationFraction, 0, 1);
        range("dqn.exploration_initial_eps", explorationInitialEps, 0, 1);
        range("dqn.exploration_final_eps", explorationFinalEps, 0, 1);
        positive("dqn.huber_delta", huberDelta);
        atLeast("dqn.n_steps", nSteps, 1);
        atLeast("dqn.n_envs", nEnvs, 1);
        Checks.present("dqn.network", network, "{\"hidden\": [64, 64], \"activation\": \"relu\"}");
    }
}
