package io.rlarena.agent.pg;

import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.VectorEnv;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Sums each copy's rewards and reports every finished episode of a vector env to a listener. */
final class EpisodeTracker {

    private final double[] returns;
    private final int[] lengths;
    private long episodes;
    /** The mean loss of the latest update, reported with the episodes that end after it. */
    double loss = Double.NaN;

    long episodes() {
        return episodes;
    }

    /** Writes the episode count, the latest loss and each copy's return and length so far. */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(episodes);
        out.writeDouble(loss);
        for (int i = 0; i < returns.length; i++) {
            out.writeDouble(returns[i]);
            out.writeInt(lengths[i]);
        }
    }

    /** Continues from what {@link #write} wrote. */
    void read(DataInputStream in) throws IOException {
        episodes = in.readLong();
        loss = in.readDouble();
        for (int i = 0; i < returns.length; i++) {
            returns[i] = in.readDouble();
            lengths[i] = in.readInt();
        }
    }

    EpisodeTracker(int copies) {
        this.returns = new double[copies];
        this.lengths = new int[copies];
    }

    /**
     * Accounts the vector env's last step for the copies where {@code active} is null or true;
     * {@code stepBefore} is the environment-step count before that vector step, which counts only
     * the active copies' steps, in copy order.
     */
    void record(VectorEnv vector, long stepBefore, boolean[] active, TrainingListener listener) {
        int stepped = 0;
        for (int i = 0; i < returns.length; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            stepped++;
            returns[i] += vector.rewards()[i];
            lengths[i]++;
            if (vector.done(i)) {
                listener.onEpisode(new EpisodeStats(stepBefore + stepped, episodes++, returns[i], lengths[i], loss,
                        Double.NaN, vector.success(i)));
                returns[i] = 0;
                lengths[i] = 0;
            }
        }
    }
}
