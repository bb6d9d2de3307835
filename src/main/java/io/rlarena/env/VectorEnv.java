package io.rlarena.env;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * N copies of one environment stepped in lockstep, with observations and masks handed out as one
 * row-major batch ({@code copies x observationSize}, {@code copies x actions}) so an agent acts on
 * all copies with one network call. A copy whose episode ends is reset at once (Gymnasium's
 * same-step auto-reset): its row then holds the new episode's first observation, while the real
 * last observation stays available from {@link #finalObservation(int)}, and the step's
 * {@code terminated}/{@code truncated} flags say how it ended.
 *
 * <p>The arrays returned by the accessors belong to this object and are overwritten by the next
 * {@link #reset(long)} or {@link #step(int[])}; copy what must outlive a step. With
 * {@code threads > 1} copies are stepped on worker threads (worth it only for costly
 * environments); results are the same either way, because every copy has its own generator.
 */
public final class VectorEnv implements AutoCloseable {

    /** The copies, each in a log of its episode in progress (what a checkpoint saves). */
    private final List<EpisodeLog> copies;
    private final int observationSize;
    private final int actionCount;
    private final ExecutorService workers;
    private final int threads;
    private final float[] observations;
    private final boolean[] masks;
    private final float[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] success;
    private final float[][] finalObservations;
    private final List<Map<String, Object>> infos;

    /**
     * Makes {@code count} copies with {@code factory}, which must return a new, independent
     * environment on each call.
     *
     * @throws IllegalArgumentException if {@code count} or {@code threads} is below 1, or the copies disagree on their spaces
     */
    public VectorEnv(Supplier<? extends Environment> factory, int count, int threads) {
        if (count < 1) {
            throw new IllegalArgumentException("n_envs must be >= 1, got " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("env_threads must be >= 1, got " + threads);
        }
        this.copies = new ArrayList<>(count);
        List<Environment> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Environment env = factory.get();
            boolean same = made.contains(env);
            if (i > 0 && (same || !env.observationSpace().equals(made.get(0).observationSpace())
                    || !env.actionSpace().equals(made.get(0).actionSpace()))) {
                throw new IllegalArgumentException("the environment factory must make independent copies with equal "
                        + "spaces; copy " + i + " is " + (same ? "the same object" : env.spec().id()));
            }
            made.add(env);
            copies.add(new EpisodeLog(env));
        }
        Environment first = copies.get(0);
        this.observationSize = first.observationSpace().flatSize();
        this.actionCount = first.actionSpace().n();
        this.threads = Math.min(threads, count);
        this.workers = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "rlarena-env");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.observations = new float[count * observationSize];
        this.masks = new boolean[count * actionCount];
        this.rewards = new float[count];
        this.terminated = new boolean[count];
        this.truncated = new boolean[count];
        this.success = new boolean[count];
        this.finalObservations = new float[count][];
        this.infos = new ArrayList<>(java.util.Collections.nCopies(count, Map.of()));
    }

    public int size() {
        return copies.size();
    }

    public int observationSize() {
        return observationSize;
    }

    public int actionCount() {
        return actionCount;
    }

    /** The first copy, for its spec and spaces. */
    public Environment template() {
        return copies.get(0);
    }

    /** Resets copy {@code i} with the seed {@code Seeds.derive(seed, "copy", i)}; returns the observations. */
    public float[] reset(long seed) {
        for (int i = 0; i < copies.size(); i++) {
            Environment env = copies.get(i);
            store(i, env.reset(Seeds.derive(seed, "copy", i)).observation(), env.actionMask());
        }
        Arrays.fill(rewards, 0f);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        Arrays.fill(success, false);
        Arrays.fill(finalObservations, null);
        return observations;
    }

    /** Writes each copy's episode in progress ({@link EpisodeLog}), for a checkpoint. */
    public void writeState(DataOutputStream out) throws IOException {
        for (EpisodeLog copy : copies) {
            copy.write(out);
        }
    }

    /**
     * Replays the episodes {@link #writeState} saved into these copies: each is where the saved
     * copy was, and the observations and masks are theirs.
     */
    public void restoreState(DataInputStream in) throws IOException {
        for (int i = 0; i < copies.size(); i++) {
            EpisodeLog copy = copies.get(i);
            store(i, copy.replay(in), copy.actionMask());
        }
        Arrays.fill(rewards, 0f);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        Arrays.fill(success, false);
        Arrays.fill(finalObservations, null);
    }

    /** Steps every copy with its action ({@code actions[i]} for copy i), resetting finished copies. */
    public void step(int[] actions) {
        step(actions, null);
    }

    /**
     * Steps the copies whose {@code active} entry is true (all if {@code active} is null); the
     * others stay where they are, with reward 0 and neither flag set.
     */
    public void step(int[] actions, boolean[] active) {
        if (actions.length != copies.size() || (active != null && active.length != copies.size())) {
            throw new IllegalArgumentException("one action per copy: expected " + copies.size() + ", got "
                    + actions.length);
        }
        if (workers == null) {
            stepRange(actions, active, 0, copies.size());
            return;
        }
        int chunk = (copies.size() + threads - 1) / threads;
        List<Future<?>> pending = new ArrayList<>(threads);
        for (int from = 0; from < copies.size(); from += chunk) {
            int start = from;
            int end = Math.min(copies.size(), from + chunk);
            pending.add(workers.submit(() -> stepRange(actions, active, start, end)));
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stepping environments", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    private void stepRange(int[] actions, boolean[] active, int from, int to) {
        for (int i = from; i < to; i++) {
            if (active != null && !active[i]) {
                rewards[i] = 0f;
                terminated[i] = false;
                truncated[i] = false;
                success[i] = false;
                finalObservations[i] = null;
                continue;
            }
            Environment env = copies.get(i);
            Step step = env.step(actions[i]);
            rewards[i] = (float) step.reward();
            terminated[i] = step.terminated();
            truncated[i] = step.truncated();
            infos.set(i, step.info());
            if (step.done()) {
                success[i] = step.success();
                finalObservations[i] = step.observation();
                store(i, env.reset().observation(), env.actionMask());
            } else {
                success[i] = false;
                finalObservations[i] = null;
                store(i, step.observation(), env.actionMask());
            }
        }
    }

    private void store(int i, float[] observation, boolean[] mask) {
        System.arraycopy(observation, 0, observations, i * observationSize, observationSize);
        System.arraycopy(mask, 0, masks, i * actionCount, actionCount);
    }

    /** Current observations, one row per copy (after an auto-reset: the new episode's first). */
    public float[] observations() {
        return observations;
    }

    /** Current legal-action masks, one row per copy. */
    public boolean[] masks() {
        return masks;
    }

    /** The last step's rewards. */
    public float[] rewards() {
        return rewards;
    }

    /** Which copies' episodes reached a terminal state in the last step. */
    public boolean[] terminated() {
        return terminated;
    }

    /** Which copies' episodes were cut off (time limit) in the last step. */
    public boolean[] truncated() {
        return truncated;
    }

    /** Whether copy {@code i}'s episode ended in the last step. */
    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }

    /** Whether copy {@code i}'s episode ended in success in the last step (see {@link Step#success()}). */
    public boolean success(int i) {
        return success[i];
    }

    /** The real last observation of copy {@code i}'s episode if it ended in the last step, else null. */
    public float[] finalObservation(int i) {
        return finalObservations[i];
    }

    /** The info map of copy {@code i}'s last step. */
    public Map<String, Object> info(int i) {
        return infos.get(i);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        for (Environment env : copies) {
            env.close();
        }
    }
}
