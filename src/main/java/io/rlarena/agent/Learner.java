package io.rlarena.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A trainable agent bound to one environment; as a {@link Policy} it acts greedily. */
public interface Learner extends Policy {

    /** Trains up to {@code steps} environment steps in all, reporting to {@code listener}. */
    void learn(long steps, TrainingListener listener);

    /** Whether every network weight is finite (false once training diverged). */
    boolean weightsFinite();

    /** The trained network in DL4J's format, with optimizer state when {@code withUpdater}. */
    byte[] modelBytes(boolean withUpdater);

    /**
     * Writes what resuming needs beyond the network, at a {@link TrainingListener#onBoundary}:
     * counters, every random stream's state, each environment copy's episode in progress
     * ({@link io.rlarena.env.EpisodeLog}) and, for DQN, the target network and the replay buffer.
     */
    void writeState(DataOutputStream out) throws IOException;

    /**
     * Continues from a checkpoint: the network with its optimizer state ({@code modelBytes(true)}),
     * the state {@link #writeState} wrote, and the environment steps already done. The next
     * {@link #learn} call trains from there to its total exactly as the uninterrupted run did:
     * the same draws, the same episodes, the same updates.
     *
     * @throws IOException if the state is unreadable, of another configuration or of an earlier format
     */
    void restore(byte[] model, DataInputStream state, long stepsDone) throws IOException;

    /** Starts a {@link #writeState}: the learner's state format, negated (format 1 of DQN began with a count). */
    static void writeStateFormat(DataOutputStream out, long format) throws IOException {
        out.writeLong(-format);
    }

    /**
     * Reads what {@link #writeStateFormat} wrote at the start of a {@link #restore}.
     *
     * @throws IOException if the state is of another format than {@code format}: an earlier one
     *                     (whose checkpoints do not resume exactly) or a newer one
     */
    static void requireStateFormat(DataInputStream state, long format) throws IOException {
        long found = -state.readLong();
        if (found != format) {
            throw new IOException(found < format
                    ? "it was written by an earlier rlarena, whose checkpoints do not resume exactly: finish the run "
                    + "with that version, or train again"
                    : "training state format " + found + " is newer than this rlarena's " + format + ": upgrade");
        }
    }
}
