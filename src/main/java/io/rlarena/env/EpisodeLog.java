package io.rlarena.env;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A wrapper that remembers how the current episode began (the reset seed, or the environment's
 * {@link Resumable} state before an unseeded reset) and every action since, so that
 * {@link #write} and {@link #replay} can move an episode in progress into a new copy of the
 * environment exactly: the same state, the same random generator, the same future. Training
 * wraps every copy it steps in one; a checkpoint saves the logs.
 *
 * <p>Exact for environments whose behaviour follows from that state and the actions (every
 * built-in one); an environment that is not {@link Resumable} is replayed from an unseeded reset,
 * which gives a valid episode but not necessarily the same one (and one that ends before its
 * saved actions do is followed by a new episode).
 */
public final class EpisodeLog extends Wrapper {

    private boolean seeded;
    private long seed;
    private long[] before = new long[0];
    private int[] actions = new int[64];
    private int length;

    public EpisodeLog(Environment env) {
        super(env);
    }

    @Override
    public Reset reset(long seed) {
        this.seeded = true;
        this.seed = seed;
        length = 0;
        return env.reset(seed);
    }

    @Override
    public Reset reset() {
        seeded = false;
        before = unwrap(env) instanceof Resumable resumable ? resumable.betweenEpisodes() : new long[0];
        length = 0;
        return env.reset();
    }

    @Override
    public Step step(int action) {
        if (length == actions.length) {
            actions = Arrays.copyOf(actions, 2 * length);
        }
        actions[length++] = action;
        return env.step(action);
    }

    /** Writes how the current episode began and its actions. */
    public void write(DataOutputStream out) throws IOException {
        out.writeBoolean(seeded);
        out.writeLong(seed);
        out.writeInt(before.length);
        for (long value : before) {
            out.writeLong(value);
        }
        out.writeInt(length);
        for (int i = 0; i < length; i++) {
            out.writeInt(actions[i]);
        }
    }

    /**
     * Re-plays an episode that {@link #write} saved (from another copy of the same environment):
     * the same reset, then the same actions. Returns the observation the episode is now at.
     *
     * @throws IOException if the saved episode does not fit this environment
     */
    public float[] replay(DataInputStream in) throws IOException {
        boolean wasSeeded = in.readBoolean();
        long savedSeed = in.readLong();
        long[] state = new long[checkedCount(in.readInt(), 64, "state values")];
        for (int i = 0; i < state.length; i++) {
            state[i] = in.readLong();
        }
        int steps = checkedCount(in.readInt(), Integer.MAX_VALUE, "actions");
        float[] observation;
        if (wasSeeded) {
            observation = reset(savedSeed).observation();
        } else {
            if (state.length > 0 && unwrap(env) instanceof Resumable resumable) {
                resumable.restoreBetweenEpisodes(state);
            }
            observation = reset().observation();
        }
        for (int i = 0; i < steps; i++) {
            int action = in.readInt();
            if (action < 0 || action >= actionSpace().n()) {
                throw new IOException("the saved episode's action " + action + " is outside this environment's "
                        + actionSpace());
            }
            Step step = step(action);
            observation = step.observation();
            if (step.done()) {
                // the replay went otherwise (an environment that is not Resumable, a self-play pool that grew):
                // skip the rest of the saved actions and go on from a new episode
                for (int rest = i + 1; rest < steps; rest++) {
                    in.readInt();
                }
                return reset().observation();
            }
        }
        return observation;
    }

    private static int checkedCount(int count, int max, String what) throws IOException {
        if (count < 0 || count > max) {
            throw new IOException("a saved episode with " + count + " " + what);
        }
        return count;
    }
}
