package io.rlarena.agent.dqn;

/**
 * Turns an episode's one-step transitions into n-step ones before they enter the replay buffer
 * (Sutton and Barto, section 7.1; Rainbow's multi-step targets): the transition from step t
 * carries {@code r_t + gamma r_(t+1) + ... + gamma^(n-1) r_(t+n-1)}, the observation n steps
 * later and the discount {@code gamma^n}. When the episode ends sooner, the remaining steps get
 * shorter sums that end at the last observation: no bootstrap after a termination, a bootstrap
 * with the right power of gamma after a truncation.
 */
final class NStepWindow {

    private final int n;
    private final double gamma;
    private final int observationSize;
    private final float[] observations;
    private final int[] actions;
    private final float[] rewards;
    private final float[] oldest;
    private int first;
    private int count;

    NStepWindow(int n, double gamma, int observationSize) {
        this.n = n;
        this.gamma = gamma;
        this.observationSize = observationSize;
        this.observations = new float[n * observationSize];
        this.actions = new int[n];
        this.rewards = new float[n];
        this.oldest = new float[observationSize];
    }

    /**
     * Adds one environment step and moves every transition it completes into {@code replay}:
     * the oldest once n steps are held, all of them when the episode ends here.
     */
    void add(float[] observation, int action, float reward, float[] nextObservation, boolean terminated,
             boolean episodeEnds, boolean[] nextMask, ReplayBuffer replay) {
        int slot = (first + count) % n;
        System.arraycopy(observation, 0, observations, slot * observationSize, observationSize);
        actions[slot] = action;
        rewards[slot] = reward;
        count++;
        if (count == n || episodeEnds) {
            emitOldest(nextObservation, terminated, nextMask, replay);
        }
        while (episodeEnds && count > 0) {
            emitOldest(nextObservation, terminated, nextMask, replay);
        }
    }

    private void emitOldest(float[] nextObservation, boolean terminated, boolean[] nextMask, ReplayBuffer replay) {
        double sum = 0;
        double discount = 1;
        for (int k = 0; k < count; k++) {
            sum += discount * rewards[(first + k) % n];
            discount *= gamma;
        }
        System.arraycopy(observations, first * observationSize, oldest, 0, observationSize);
        replay.add(oldest, actions[first], (float) sum, nextObservation, terminated, nextMask, discount);
        first = (first + 1) % n;
        count--;
    }

    /** Writes the steps held (for a checkpoint). */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(count);
        for (int k = 0; k < count; k++) {
            int slot = (first + k) % n;
            for (int j = 0; j < observationSize; j++) {
                out.writeFloat(observations[slot * observationSize + j]);
            }
            out.writeInt(actions[slot]);
            out.writeFloat(rewards[slot]);
        }
    }

    /** Reads what {@link #write} wrote into this (empty or not) window. */
    void read(java.io.DataInputStream in) throws java.io.IOException {
        int held = in.readInt();
        if (held < 0 || held >= n) {
            throw new java.io.IOException("the checkpoint's n-step window holds " + held + " steps; this run's holds at "
                    + "most " + (n - 1));
        }
        first = 0;
        count = held;
        for (int k = 0; k < held; k++) {
            for (int j = 0; j < observationSize; j++) {
                observations[k * observationSize + j] = in.readFloat();
            }
            actions[k] = in.readInt();
            rewards[k] = in.readFloat();
        }
    }
}
