package io.rlarena.agent.dqn;

import io.rlarena.env.RestorableRandom;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A ring buffer of transitions in flat primitive arrays, sampled uniformly (with replacement)
 * into one reusable {@link Batch}: no allocation per step or per sample.
 */
public final class ReplayBuffer {

    /** A sampled batch, row-major: {@code observations[i * observationSize + j]}. */
    public static final class Batch {
        public final float[] observations;
        public final int[] actions;
        public final float[] rewards;
        public final float[] nextObservations;
        public final boolean[] terminated;
        public final boolean[] nextMasks;
        /** The bootstrap's discount: gamma to the power of the steps the transition spans. */
        public final double[] discounts;

        public Batch(int size, int observationSize, int actionCount) {
            observations = new float[size * observationSize];
            actions = new int[size];
            rewards = new float[size];
            nextObservations = new float[size * observationSize];
            terminated = new boolean[size];
            nextMasks = new boolean[size * actionCount];
            discounts = new double[size];
        }

        public int size() {
            return actions.length;
        }

        /** Copies this batch's rows {@code first .. first + into.size() - 1} into {@code into}. */
        public void copyRows(int first, Batch into) {
            int rows = into.size();
            int observationSize = observations.length / size();
            int actionCount = nextMasks.length / size();
            System.arraycopy(observations, first * observationSize, into.observations, 0, rows * observationSize);
            System.arraycopy(nextObservations, first * observationSize, into.nextObservations, 0,
                    rows * observationSize);
            System.arraycopy(nextMasks, first * actionCount, into.nextMasks, 0, rows * actionCount);
            System.arraycopy(actions, first, into.actions, 0, rows);
            System.arraycopy(rewards, first, into.rewards, 0, rows);
            System.arraycopy(terminated, first, into.terminated, 0, rows);
            System.arraycopy(discounts, first, into.discounts, 0, rows);
        }
    }

    private final int capacity;
    private final int observationSize;
    private final int actionCount;
    private final float[] observations;
    private final int[] actions;
    private final float[] rewards;
    private final float[] nextObservations;
    private final boolean[] terminated;
    private final boolean[] nextMasks;
    private final double[] discounts;
    private final RestorableRandom rng;
    private final Batch batch;
    private int next;
    private int size;

    /** A buffer of {@code capacity} transitions whose {@link #sample()} draws {@code sampleSize} of them. */
    public ReplayBuffer(int capacity, int observationSize, int actionCount, int sampleSize, long seed) {
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionCount = actionCount;
        this.observations = new float[capacity * observationSize];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.nextObservations = new float[capacity * observationSize];
        this.terminated = new boolean[capacity];
        this.nextMasks = new boolean[capacity * actionCount];
        this.discounts = new double[capacity];
        this.rng = new RestorableRandom(seed);
        this.batch = new Batch(sampleSize, observationSize, actionCount);
    }

    /**
     * Stores one transition. {@code nextObservation} is the real observation after the step,
     * also when the episode was truncated; {@code terminated} alone stops bootstrapping;
     * {@code discount} weighs the bootstrap (gamma for one step, gamma^n for n steps).
     */
    public void add(float[] observation, int action, float reward, float[] nextObservation, boolean terminal,
                    boolean[] nextMask, double discount) {
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
        System.arraycopy(nextMask, 0, nextMasks, next * actionCount, actionCount);
        actions[next] = action;
        rewards[next] = reward;
        terminated[next] = terminal;
        discounts[next] = discount;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    public int size() {
        return size;
    }

    /** Writes the stored transitions (for a checkpoint). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(observationSize);
        out.writeInt(actionCount);
        out.writeInt(next);
        out.writeInt(size);
        writeFloats(out, observations, size * observationSize);
        writeFloats(out, nextObservations, size * observationSize);
        writeFloats(out, rewards, size);
        for (int i = 0; i < size; i++) {
            out.writeInt(actions[i]);
            out.writeBoolean(terminated[i]);
            out.writeDouble(discounts[i]);
        }
        for (int i = 0; i < size * actionCount; i++) {
            out.writeBoolean(nextMasks[i]);
        }
        out.writeLong(rng.state());
    }

    /**
     * Reads what {@link #write} wrote into this buffer, its sampling generator included.
     *
     * @throws IOException if the data does not fit this buffer (another configuration)
     */
    public void read(DataInputStream in) throws IOException {
        int savedCapacity = in.readInt();
        int savedObservation = in.readInt();
        int savedActions = in.readInt();
        if (savedCapacity != capacity || savedObservation != observationSize || savedActions != actionCount) {
            throw new IOException("the checkpoint's replay buffer holds " + savedCapacity + " transitions of "
                    + savedObservation + " values and " + savedActions + " actions; this run's "
                    + capacity + ", " + observationSize + " and " + actionCount);
        }
        next = in.readInt();
        size = in.readInt();
        if (size < 0 || size > capacity || next < 0 || next >= capacity) {
            throw new IOException("the checkpoint's replay buffer claims " + size + " transitions (next slot " + next
                    + ") in a buffer of " + capacity);
        }
        readFloats(in, observations, size * observationSize);
        readFloats(in, nextObservations, size * observationSize);
        readFloats(in, rewards, size);
        for (int i = 0; i < size; i++) {
            actions[i] = in.readInt();
            terminated[i] = in.readBoolean();
            discounts[i] = in.readDouble();
        }
        for (int i = 0; i < size * actionCount; i++) {
            nextMasks[i] = in.readBoolean();
        }
        rng.restore(in.readLong());
    }

    private static void writeFloats(DataOutputStream out, float[] values, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES);
        bytes.asFloatBuffer().put(values, 0, count);
        out.write(bytes.array());
    }

    private static void readFloats(DataInputStream in, float[] values, int count) throws IOException {
        byte[] bytes = new byte[count * Float.BYTES];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values, 0, count);
    }

    /** Fills and returns the shared batch with uniformly drawn transitions. */
    public Batch sample() {
        if (size == 0) {
            throw new IllegalStateException("cannot sample an empty replay buffer");
        }
        for (int i = 0; i < batch.size(); i++) {
            int k = rng.nextInt(size);
            System.arraycopy(observations, k * observationSize, batch.observations, i * observationSize, observationSize);
            System.arraycopy(nextObservations, k * observationSize, batch.nextObservations, i * observationSize,
                    observationSize);
            System.arraycopy(nextMasks, k * actionCount, batch.nextMasks, i * actionCount, actionCount);
            batch.actions[i] = actions[k];
            batch.rewards[i] = rewards[k];
            batch.terminated[i] = terminated[k];
            batch.discounts[i] = discounts[k];
        }
        return batch;
    }
}
