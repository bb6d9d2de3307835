package io.rlarena.agent.pg;

import io.rlarena.agent.TrainingListener;
import io.rlarena.env.VectorEnv;
import io.rlarena.nn.ActorCritic;

import java.util.random.RandomGenerator;

/**
 * A fixed-length rollout of a vector env under the current policy, for PPO and A2C: per vector
 * step, one batched forward pass gives every copy's logits and value, actions are sampled from the
 * masked policy, and the transition is stored row-major by time ({@code t * copies + e}). A
 * truncated episode's real last observation is valued (one batched pass over the truncated
 * copies) so returns can bootstrap from it; the rollout ends by valuing the observations it stops at.
 */
final class Rollout {

    final int capacity;
    final int copies;
    final int observationSize;
    final int actions;
    final float[] observations;
    final boolean[] masks;
    final int[] chosen;
    final float[] logProbs;
    final float[] values;
    final float[] rewards;
    final boolean[] terminated;
    final boolean[] truncated;
    final float[] finalValues;
    final float[] lastValues;
    /** Vector steps stored by the last {@link #collect}. */
    int steps;

    private final EpisodeTracker tracker;
    private final double[] scratch;

    Rollout(int capacity, VectorEnv vector, EpisodeTracker tracker) {
        this.capacity = capacity;
        this.copies = vector.size();
        this.observationSize = vector.observationSize();
        this.actions = vector.actionCount();
        int rows = capacity * copies;
        this.observations = new float[rows * observationSize];
        this.masks = new boolean[rows * actions];
        this.chosen = new int[rows];
        this.logProbs = new float[rows];
        this.values = new float[rows];
        this.rewards = new float[rows];
        this.terminated = new boolean[rows];
        this.truncated = new boolean[rows];
        this.finalValues = new float[rows];
        this.lastValues = new float[copies];
        this.tracker = tracker;
        this.scratch = new double[actions];
    }

    /** Rows (transitions) stored by the last {@link #collect}. */
    int size() {
        return steps * copies;
    }

    /**
     * Runs {@code steps} vector steps (at most the capacity) from the vector env's current
     * observations; {@code stepBefore} is the environment-step count before the first.
     */
    void collect(VectorEnv vector, ActorCritic network, int steps, RandomGenerator random, long stepBefore,
                 TrainingListener listener) {
        this.steps = steps;
        int[] actionsNow = new int[copies];
        for (int t = 0; t < steps; t++) {
            int row = t * copies;
            System.arraycopy(vector.observations(), 0, observations, row * observationSize, copies * observationSize);
            System.arraycopy(vector.masks(), 0, masks, row * actions, copies * actions);
            ActorCritic.Output out = network.output(vector.observations(), copies);
            for (int e = 0; e < copies; e++) {
                int action = Categorical.sample(out.logits(), vector.masks(), e, actions, random, scratch);
                actionsNow[e] = action;
                chosen[row + e] = action;
                logProbs[row + e] = (float) Categorical.logProb(out.logits(), vector.masks(), e, actions, action);
                values[row + e] = out.values()[e];
            }
            vector.step(actionsNow);
            System.arraycopy(vector.rewards(), 0, rewards, row, copies);
            System.arraycopy(vector.terminated(), 0, terminated, row, copies);
            System.arraycopy(vector.truncated(), 0, truncated, row, copies);
            valueTruncated(vector, network, row);
            tracker.record(vector, stepBefore + (long) t * copies, null, listener);
        }
        System.arraycopy(network.output(vector.observations(), copies).values(), 0, lastValues, 0, copies);
    }

    /** Values of the real last observations of episodes truncated in the step stored at {@code row}. */
    private void valueTruncated(VectorEnv vector, ActorCritic network, int row) {
        int count = 0;
        for (int e = 0; e < copies; e++) {
            if (vector.truncated()[e] && !vector.terminated()[e]) {
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        float[] last = new float[count * observationSize];
        int k = 0;
        for (int e = 0; e < copies; e++) {
            if (vector.truncated()[e] && !vector.terminated()[e]) {
                System.arraycopy(vector.finalObservation(e), 0, last, k++ * observationSize, observationSize);
            }
        }
        float[] lastValuesOfTruncated = network.output(last, count).values();
        k = 0;
        for (int e = 0; e < copies; e++) {
            if (vector.truncated()[e] && !vector.terminated()[e]) {
                finalValues[row + e] = lastValuesOfTruncated[k++];
            }
        }
    }
}
