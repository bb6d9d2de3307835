package io.rlarena.agent.dqn;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.Learner;
import io.rlarena.agent.QPolicy;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Box;
import io.rlarena.env.Environment;
import io.rlarena.env.EpisodeLog;
import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.Step;
import io.rlarena.env.Wrapper;
import io.rlarena.nn.HuberLoss;
import io.rlarena.nn.ModelBytes;
import io.rlarena.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Deep Q-learning (Mnih et al. 2015) with Double DQN (van Hasselt et al. 2016) on by default:
 * epsilon-greedy acting on {@code n_envs} environment copies stepped in lockstep (one batched
 * forward call for all of them: ND4J's cost is per call), a replay buffer, Huber TD loss on the taken action,
 * Adam, and a target network updated periodically (tau = 1) or softly (tau &lt; 1). Action masks
 * are respected when acting and in the max of the target; only {@code terminated} stops
 * bootstrapping, so truncated episodes bootstrap from their real last observation. Optional
 * n-step returns ({@code n_steps}) speed up the propagation of rewards along long paths; optional
 * mirrored transitions ({@code mirror_transitions}) double the data of left-right symmetric games.
 */
public final class Dqn implements Learner {

    public static final Algorithm ALGORITHM = new Algorithm("dqn", DqnConfig.DEFAULTS,
            (config, envs, seed) -> new Dqn((DqnConfig) config, envs, seed),
            bytes -> new QPolicy(ModelBytes.read(bytes, false)));

    /**
     * The format of {@link #writeState}, written negated first (format 1 began with the episode
     * count): 3 holds everything an exact resume needs.
     */
    private static final long STATE_FORMAT = 3;
    /** Rows per batched target-network call: bounds the activations' memory for large phases. */
    private static final int MAX_ROWS_PER_CALL = 8192;

    private final DqnConfig config;
    /** The copies, each in a log of its episode in progress (what a checkpoint saves). */
    private final EpisodeLog[] envs;
    private final int observationSize;
    private final int actionCount;
    private final Network online;
    private final Network target;
    private final ReplayBuffer replay;
    private final ReplayBuffer.Batch batch;
    private final NStepWindow[] windows;
    /**
     * With {@code mirror_transitions}: each action's mirror image, each copy's window of mirrored
     * transitions, and buffers for one mirrored transition (the windows and the buffer copy them);
     * without it, no windows.
     */
    private final int[] mirroredActions;
    private final NStepWindow[] mirrorWindows;
    private final int[] observationShape;
    private final float[] mirroredObservation;
    private final float[] mirroredNextObservation;
    private final boolean[] mirroredMask;
    private final long seed;
    private final long envSeed;
    private final RestorableRandom exploration;
    /** Steps done before the next {@link #learn} (a checkpoint's step after {@link #restore}). */
    private long startStep;
    private long episode;
    /**
     * Where each copy's episode stands (its observation, mask, return and length so far) and the
     * losses since the last reported episode: set by the first {@link #learn} or by {@link #restore}.
     */
    private final float[][] observations;
    private final boolean[][] masks;
    private final double[] episodeReturns;
    private final int[] episodeLengths;
    private double lossSum;
    private int lossCount;
    private boolean started;
    private final float[] targets;
    private final float[] nextTarget;
    private final float[] labels;
    private final float[] labelMask;
    /** The copies that act greedily in the current vector step. */
    private final int[] greedyCopies;

    /** DQN on one environment ({@code n_envs} must be 1). */
    public Dqn(DqnConfig config, Environment env, long seed) {
        this(config, single(config, env), seed);
    }

    /** DQN on {@code n_envs} copies made by {@code envs}. */
    public Dqn(DqnConfig config, Supplier<? extends Environment> envs, long seed) {
        this.envs = new EpisodeLog[config.nEnvs()];
        for (int i = 0; i < this.envs.length; i++) {
            this.envs[i] = new EpisodeLog(envs.get());
        }
        this.observations = new float[this.envs.length][];
        this.masks = new boolean[this.envs.length][];
        this.episodeReturns = new double[this.envs.length];
        this.episodeLengths = new int[this.envs.length];
        Environment env = this.envs[0];
        if (!(env.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("DQN needs Box (float vector) observations, but " + env.spec().id()
                    + " gives " + env.observationSpace() + "; encode them, e.g. observation=onehot");
        }
        this.config = config;
        this.observationSize = box.flatSize();
        if ((long) config.bufferSize() * observationSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("dqn.buffer_size=" + config.bufferSize() + " times " + observationSize
                    + " observation values exceeds what one Java array holds; lower buffer_size");
        }
        this.actionCount = env.actionSpace().n();
        try {
            this.online = config.network().build(box.shape(), actionCount, config.learningRate(),
                    new HuberLoss(config.huberDelta()), Seeds.derive(seed, "network"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(env.spec().id() + ": " + e.getMessage(), e);
        }
        this.target = online.copy();
        this.replay = new ReplayBuffer(config.bufferSize(), observationSize, actionCount,
                config.batchSize() * config.gradientSteps(), Seeds.derive(seed, "replay"));
        this.batch = new ReplayBuffer.Batch(config.batchSize(), observationSize, actionCount);
        this.windows = new NStepWindow[this.envs.length];
        this.mirroredActions = config.mirrorTransitions() ? mirroredActions(env, actionCount) : null;
        this.mirrorWindows = new NStepWindow[config.mirrorTransitions() ? this.envs.length : 0];
        this.observationShape = box.shape();
        this.mirroredObservation = new float[observationSize];
        this.mirroredNextObservation = new float[observationSize];
        this.mirroredMask = new boolean[actionCount];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new NStepWindow(config.nSteps(), config.gamma(), observationSize);
        }
        for (int i = 0; i < mirrorWindows.length; i++) {
            mirrorWindows[i] = new NStepWindow(config.nSteps(), config.gamma(), observationSize);
        }
        this.seed = seed;
        this.exploration = new RestorableRandom(Seeds.derive(seed, "exploration"));
        this.envSeed = Seeds.derive(seed, "env");
        this.targets = new float[config.batchSize()];
        this.nextTarget = new float[config.batchSize() * actionCount];
        this.labels = new float[config.batchSize() * actionCount];
        this.labelMask = new float[config.batchSize() * actionCount];
        this.greedyCopies = new int[this.envs.length];
    }

    /**
     * Each action's mirror image under the environment's left-right symmetry, checked to exist and
     * to see the observations DQN sees (the copies are alike: the first stands for all).
     */
    private static int[] mirroredActions(Environment env, int actionCount) {
        Environment base = Wrapper.unwrap(env);
        if (!(base instanceof MirrorSymmetric mirror) || mirror.mirrorAction(0) < 0) {
            throw new IllegalArgumentException("dqn.mirror_transitions: " + env.spec().id() + " has no left-right "
                    + "symmetry to mirror transitions with (Connect Four and tic-tac-toe have); set it to false");
        }
        if (!(env.observationSpace() instanceof Box box) || box.shape().length != 3
                || !box.equals(base.observationSpace())) {
            throw new IllegalArgumentException("dqn.mirror_transitions needs " + env.spec().id() + "'s image-like "
                    + "observations as the environment makes them (observation=raw), not " + env.observationSpace());
        }
        int[] mirrored = new int[actionCount];
        for (int action = 0; action < actionCount; action++) {
            mirrored[action] = mirror.mirrorAction(action);
        }
        return mirrored;
    }

    private static Supplier<Environment> single(DqnConfig config, Environment env) {
        if (config.nEnvs() != 1) {
            throw new IllegalArgumentException("dqn.n_envs=" + config.nEnvs() + " needs a factory of environment "
                    + "copies, not one environment");
        }
        return () -> env;
    }

    @Override
    public void learn(long totalSteps, TrainingListener listener) {
        int copies = envs.length;
        if (!started) {
            for (int i = 0; i < copies; i++) {
                observations[i] = envs[i].reset(i == 0 ? envSeed : Seeds.derive(envSeed, "copy", i)).observation();
                masks[i] = envs[i].actionMask();
            }
            started = true;
        }
        int[] actions = new int[copies];
        long step = startStep;
        while (step < totalSteps) {
            // act: epsilon-greedy among legal actions, one forward call for every greedy copy
            chooseActions(observations, masks, step, totalSteps, actions);
            for (int i = 0; i < copies && step < totalSteps; i++) {
                step++;
                Step outcome = envs[i].step(actions[i]);
                boolean[] nextMask = envs[i].actionMask();
                windows[i].add(observations[i], actions[i], (float) outcome.reward(), outcome.observation(),
                        outcome.terminated(), outcome.done(), nextMask, replay);
                if (mirroredActions != null) {
                    addMirrored(i, observations[i], actions[i], outcome, nextMask);
                }
                episodeReturns[i] += outcome.reward();
                episodeLengths[i]++;

                // learn: gradient steps on replayed batches, then the target network
                if (step > config.learningStarts() && step % config.trainFreq() == 0) {
                    double phaseLoss = train();
                    lossSum += phaseLoss;
                    lossCount += config.gradientSteps();
                    listener.onUpdate(phaseLoss / config.gradientSteps());
                }
                if (step % config.targetUpdateInterval() == 0) {
                    updateTarget();
                }

                // bookkeeping: episode end and reset
                if (outcome.done()) {
                    listener.onEpisode(new EpisodeStats(step, episode++, episodeReturns[i], episodeLengths[i],
                            lossCount == 0 ? Double.NaN : lossSum / lossCount, epsilon(step - 1, totalSteps, config),
                            outcome.success()));
                    lossSum = 0;
                    lossCount = 0;
                    episodeReturns[i] = 0;
                    episodeLengths[i] = 0;
                    observations[i] = envs[i].reset().observation();
                    masks[i] = envs[i].actionMask();
                } else {
                    observations[i] = outcome.observation();
                    masks[i] = nextMask;
                }
                listener.onStep(step);
                if (listener.stopRequested()) {
                    return;
                }
            }
            listener.onBoundary(step);
        }
    }

    /** Adds the mirror image of copy {@code i}'s transition to its window of mirrored transitions. */
    private void addMirrored(int i, float[] observation, int action, Step outcome, boolean[] nextMask) {
        for (int a = 0; a < actionCount; a++) {
            mirroredMask[mirroredActions[a]] = nextMask[a];
        }
        mirrorWindows[i].add(MirrorSymmetric.mirror(observation, observationShape, mirroredObservation),
                mirroredActions[action], (float) outcome.reward(),
                MirrorSymmetric.mirror(outcome.observation(), observationShape, mirroredNextObservation),
                outcome.terminated(), outcome.done(), mirroredMask, replay);
    }

    /**
     * Copy i explores with the epsilon of step {@code stepsDone + i}; the copies that act greedily
     * share one forward call.
     */
    private void chooseActions(float[][] observations, boolean[][] masks, long stepsDone, long totalSteps,
                               int[] actions) {
        int[] greedy = greedyCopies;
        int greedyCount = 0;
        for (int i = 0; i < observations.length; i++) {
            if (exploration.nextDouble() < epsilon(stepsDone + i, totalSteps, config)) {
                actions[i] = envs[i].actionSpace().sample(exploration, masks[i]);
            } else {
                greedy[greedyCount++] = i;
            }
        }
        if (greedyCount == 0) {
            return;
        }
        float[] rows = greedyCount == 1 ? observations[greedy[0]] : new float[greedyCount * observationSize];
        for (int g = 0; greedyCount > 1 && g < greedyCount; g++) {
            System.arraycopy(observations[greedy[g]], 0, rows, g * observationSize, observationSize);
        }
        float[] q = online.output(rows, greedyCount);
        for (int g = 0; g < greedyCount; g++) {
            actions[greedy[g]] = QPolicy.argmaxLegal(q, g * actionCount, actionCount, masks[greedy[g]], 0);
        }
    }

    /**
     * {@code gradient_steps} updates on batches drawn together; returns the sum of their losses.
     * The target network does not change within this phase, so its values for every drawn next
     * observation come from one batched call instead of one call per update (ND4J's cost is per call).
     */
    private double train() {
        ReplayBuffer.Batch drawn = replay.sample();
        float[] allNextTarget = outputInChunks(target, drawn.nextObservations, drawn.size());
        int rows = batch.size();
        double lossSum = 0;
        for (int g = 0; g < config.gradientSteps(); g++) {
            drawn.copyRows(g * rows, batch);
            System.arraycopy(allNextTarget, g * rows * actionCount, nextTarget, 0, rows * actionCount);
            lossSum += update();
        }
        return lossSum;
    }

    /** One gradient step on {@link #batch} (target-network values in {@link #nextTarget}); returns its mean loss. */
    private double update() {
        int n = batch.size();
        float[] nextOnline = config.doubleQ() ? online.output(batch.nextObservations, n) : nextTarget;
        tdTargets(batch.rewards, batch.terminated, nextOnline, nextTarget, batch.nextMasks, actionCount,
                batch.discounts, targets);
        Arrays.fill(labelMask, 0f);
        for (int i = 0; i < n; i++) {
            int k = i * actionCount + batch.actions[i];
            labels[k] = targets[i];
            labelMask[k] = 1f;
        }
        online.fit(batch.observations, labels, labelMask, n);
        return online.score();
    }

    /** {@code network}'s outputs for {@code rows} inputs, in calls of at most {@link #MAX_ROWS_PER_CALL} rows. */
    private float[] outputInChunks(Network network, float[] inputs, int rows) {
        if (rows <= MAX_ROWS_PER_CALL) {
            return network.output(inputs, rows);
        }
        float[] out = new float[rows * actionCount];
        for (int from = 0; from < rows; from += MAX_ROWS_PER_CALL) {
            int count = Math.min(MAX_ROWS_PER_CALL, rows - from);
            float[] chunk = Arrays.copyOfRange(inputs, from * observationSize, (from + count) * observationSize);
            System.arraycopy(network.output(chunk, count), 0, out, from * actionCount, count * actionCount);
        }
        return out;
    }

    private void updateTarget() {
        polyakUpdate(target.params(), online.params(), config.tau());
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        return QPolicy.argmaxLegal(qValues(observation), 0, actionCount, mask, 0);
    }

    /** The online network's Q-value of every action in {@code observation}. */
    public float[] qValues(float[] observation) {
        return online.output(observation, 1);
    }

    @Override
    public boolean weightsFinite() {
        return ModelBytes.finite(online.params());
    }

    @Override
    public byte[] modelBytes(boolean withUpdater) {
        return ModelBytes.write(online, withUpdater);
    }

    /**
     * Writes everything the next step depends on: the format, the episode count, the exploration
     * generator, the losses since the last episode, the target network, each copy's episode in
     * progress (its return and length, n-step windows and {@link EpisodeLog}) and the replay buffer.
     */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        Learner.writeStateFormat(out, STATE_FORMAT);
        out.writeLong(episode);
        out.writeLong(exploration.state());
        out.writeDouble(lossSum);
        out.writeInt(lossCount);
        float[] weights = target.params().toFloatVector();
        out.writeInt(weights.length);
        for (float w : weights) {
            out.writeFloat(w);
        }
        for (int i = 0; i < envs.length; i++) {
            out.writeDouble(episodeReturns[i]);
            out.writeInt(episodeLengths[i]);
            windows[i].write(out);
            if (mirrorWindows.length > 0) {
                mirrorWindows[i].write(out);
            }
            envs[i].write(out);
        }
        replay.write(out);
    }

    /**
     * Continues exactly where {@link #writeState} was called: networks, generators, counters,
     * replay buffer, and each copy's episode replayed into this learner's copies.
     */
    @Override
    public void restore(byte[] model, DataInputStream state, long stepsDone) throws IOException {
        ModelBytes.restoreInto(online.model(), model);
        Learner.requireStateFormat(state, STATE_FORMAT);
        episode = state.readLong();
        exploration.restore(state.readLong());
        lossSum = state.readDouble();
        lossCount = state.readInt();
        int count = state.readInt();
        if (count != target.params().length()) {
            throw new IOException("the checkpoint's target network has " + count + " weights, this run's "
                    + target.params().length());
        }
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = state.readFloat();
        }
        target.params().assign(Nd4j.create(weights, target.params().shape()));
        for (int i = 0; i < envs.length; i++) {
            episodeReturns[i] = state.readDouble();
            episodeLengths[i] = state.readInt();
            windows[i].read(state);
            if (mirrorWindows.length > 0) {
                mirrorWindows[i].read(state);
            }
            observations[i] = envs[i].replay(state);
            masks[i] = envs[i].actionMask();
        }
        replay.read(state);
        startStep = stepsDone;
        started = true;
    }

    /** Transitions in the replay buffer. */
    int storedTransitions() {
        return replay.size();
    }

    /** Linear decay from the initial to the final epsilon over the exploration fraction of training. */
    public static double epsilon(long step, long totalSteps, DqnConfig config) {
        double decaySteps = config.explorationFraction() * totalSteps;
        double progress = decaySteps <= 0 ? 1.0 : Math.min(1.0, step / decaySteps);
        return config.explorationInitialEps() + progress * (config.explorationFinalEps() - config.explorationInitialEps());
    }

    /** {@code target <- tau * online + (1 - tau) * target}, in place; tau = 1 copies. */
    public static void polyakUpdate(INDArray target, INDArray online, double tau) {
        if (tau >= 1.0) {
            target.assign(online);
        } else {
            target.muli(1.0 - tau).addi(online.mul(tau));
        }
    }

    /**
     * TD targets {@code r + discount * Q_target(s', a*)}, with {@code a*} the legal argmax of
     * {@code selectQ} (the online network for Double DQN, the target network otherwise) and no
     * bootstrap after termination (or from a state with no legal action). The discount is gamma,
     * or gamma^n for n-step transitions. Arrays are row-major, {@code actionCount} values per
     * transition; the result goes to {@code out}.
     */
    public static void tdTargets(float[] rewards, boolean[] terminated, float[] selectQ, float[] targetQ,
                                 boolean[] nextMasks, int actionCount, double[] discounts, float[] out) {
        for (int i = 0; i < rewards.length; i++) {
            int best = terminated[i] ? -1 : QPolicy.argmaxLegal(selectQ, i * actionCount, actionCount, nextMasks,
                    i * actionCount);
            double bootstrap = best < 0 ? 0 : discounts[i] * targetQ[i * actionCount + best];
            out[i] = (float) (rewards[i] + bootstrap);
        }
    }
}
