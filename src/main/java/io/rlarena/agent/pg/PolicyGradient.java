package io.rlarena.agent.pg;

import io.rlarena.agent.Learner;
import io.rlarena.agent.Policy;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Box;
import io.rlarena.env.Environment;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.VectorEnv;
import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.ModelBytes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What PPO, A2C and REINFORCE share: the vector env of {@code n_envs} copies, the actor-critic
 * network, episode reporting, the random streams, greedy acting and saving; and the helpers for
 * one fitted batch and step reporting.
 */
abstract class PolicyGradient implements Learner {

    /** The format of {@link #writeState}: 3 holds everything an exact resume needs (as DQN's 3). */
    private static final long STATE_FORMAT = 3;

    final VectorEnv vector;
    final ActorCritic network;
    final EpisodeTracker tracker;
    /** Actions sampled while collecting. */
    final RestorableRandom sampling;
    final long envSeed;
    private final long seed;
    private final Policy greedy;
    /** Steps done before the next {@code learn} (a checkpoint's step after {@link #restore}). */
    private long startStep;
    /** Whether the copies hold episodes to continue: reset by the first {@code learn}, or restored. */
    private boolean started;

    PolicyGradient(ActorCriticConfig config, Supplier<Environment> envs, long seed) {
        this.vector = new VectorEnv(envs, config.nEnvs(), config.envThreads());
        this.network = network(vector.template(), config, seed);
        this.tracker = new EpisodeTracker(config.nEnvs());
        this.envSeed = Seeds.derive(seed, "env");
        this.seed = seed;
        this.sampling = stream("sampling");
        this.greedy = new ActorCriticPolicy(network);
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        return greedy.act(observation, mask);
    }

    @Override
    public boolean weightsFinite() {
        return ModelBytes.finite(network.params());
    }

    @Override
    public byte[] modelBytes(boolean withUpdater) {
        return network.toBytes(withUpdater);
    }

    /** The random streams the algorithm draws from while learning, each saved at a checkpoint. */
    List<RestorableRandom> streams() {
        return List.of(sampling);
    }

    /**
     * Writes everything the next update depends on (taken after an update, {@code onBoundary}):
     * the format (negated: format 1 began with the episode count), the episode tracker, the random
     * streams and each copy's episode in progress.
     */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        Learner.writeStateFormat(out, STATE_FORMAT);
        tracker.write(out);
        for (RestorableRandom stream : streams()) {
            out.writeLong(stream.state());
        }
        vector.writeState(out);
    }

    @Override
    public void restore(byte[] model, DataInputStream state, long stepsDone) throws IOException {
        ModelBytes.restoreInto(network.model(), model);
        Learner.requireStateFormat(state, STATE_FORMAT);
        tracker.read(state);
        for (RestorableRandom stream : streams()) {
            stream.restore(state.readLong());
        }
        vector.restoreState(state);
        startStep = stepsDone;
        started = true;
    }

    /** Starts {@code learn}: resets the copies unless they continue restored episodes; returns the steps already done. */
    final long begin() {
        if (!started) {
            vector.reset(envSeed);
            started = true;
        }
        return startStep;
    }

    /** The random stream {@code name}, from the root seed. */
    final RestorableRandom stream(String name) {
        return new RestorableRandom(Seeds.derive(seed, name));
    }

    /**
     * The actor-critic network of {@code config} for {@code env}'s observations and actions.
     *
     * @throws IllegalArgumentException naming the env if its observations are not a Box or do not fit the network
     */
    private static ActorCritic network(Environment env, ActorCriticConfig config, long seed) {
        if (!(env.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("policy-gradient agents need Box (float vector) observations, but "
                    + env.spec().id() + " gives " + env.observationSpace() + "; encode them, e.g. observation=onehot");
        }
        try {
            return config.buildNetwork(box.shape(), env.actionSpace().n(), Seeds.derive(seed, "network"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(env.spec().id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One gradient step on the transitions {@code rows[from .. to)} of row-major arrays
     * (observations, masks, chosen actions, their log-probabilities when chosen, advantages and
     * value targets); advantages are normalized within the batch if asked. Returns the loss.
     */
    static double fit(ActorCritic network, float[] observations, boolean[] masks, int[] actions, float[] logProbs,
                      int[] rows, int from, int to, float[] advantages, float[] returns, boolean normalize) {
        int n = to - from;
        int observationSize = network.inputSize();
        int actionCount = network.actions();
        float[] inputs = new float[n * observationSize];
        float[] batchAdvantages = new float[n];
        float[] targets = new float[n];
        for (int k = 0; k < n; k++) {
            int row = rows[from + k];
            System.arraycopy(observations, row * observationSize, inputs, k * observationSize, observationSize);
            batchAdvantages[k] = advantages[row];
            targets[k] = returns[row];
        }
        if (normalize) {
            Returns.normalize(batchAdvantages, 0, n);
        }
        float[] labels = new float[n * (actionCount + PolicyLoss.LEADING_COLUMNS)];
        for (int k = 0; k < n; k++) {
            int row = rows[from + k];
            PolicyLoss.label(labels, k, actionCount, actions[row], batchAdvantages[k], logProbs[row], masks, row);
        }
        return network.fit(inputs, labels, targets, n);
    }

    /** Vector steps of the next rollout: {@code nSteps}, or fewer where the remaining budget needs fewer. */
    static int rolloutSteps(int nSteps, long remaining, int copies) {
        return (int) Math.min(nSteps, (remaining + copies - 1) / copies);
    }

    /**
     * Reports environment steps {@code step+1 .. step+count} (at most {@code total}); returns the
     * new count, or {@code total} if the listener asked to stop.
     */
    static long reportSteps(long step, int count, long total, TrainingListener listener) {
        long end = Math.min(total, step + count);
        for (long s = step + 1; s <= end; s++) {
            listener.onStep(s);
            if (listener.stopRequested()) {
                return total;
            }
        }
        return end;
    }
}
