package io.rlarena.bench;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Algorithms;
import io.rlarena.agent.Learner;
import io.rlarena.agent.TrainingListener;
import io.rlarena.agent.dqn.DqnConfig;
import io.rlarena.agent.pg.A2cConfig;
import io.rlarena.agent.pg.ActorCriticConfig;
import io.rlarena.agent.pg.PolicyLoss;
import io.rlarena.agent.pg.PpoConfig;
import io.rlarena.env.Box;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.Step;
import io.rlarena.env.VectorEnv;
import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.HuberLoss;
import io.rlarena.nn.Network;
import io.rlarena.train.Configs;
import io.rlarena.train.EnvFactory;
import io.rlarena.train.RunConfig;
import io.rlarena.train.Trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * The speed of one environment with one agent configuration, each figure the median of several
 * repeats: raw environment steps per second (one copy, and a vector of copies), the agent
 * network's forward latency and throughput per batch size, its training updates per second, and
 * end-to-end training steps per second.
 */
public final class Benchmark {

    /** Batch sizes of the inference measurement. */
    public static final int[] BATCHES = {1, 8, 32, 64, 128, 256};

    private final EnvRegistry registry;
    private final RunConfig config;
    private final Algorithm algorithm;
    private final Record hyperparameters;
    private final int repeats;

    public Benchmark(EnvRegistry registry, RunConfig config, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        this.registry = registry;
        this.config = config;
        this.algorithm = Algorithms.get(config.algorithm());
        this.hyperparameters = Configs.hyperparameters(algorithm, config);
        this.repeats = repeats;
    }

    public record EnvSpeed(Stat stepsPerSecond, int copies, Stat vectorStepsPerSecond) {
    }

    public record Inference(int batch, Stat microsPerCall, Stat rowsPerSecond) {
    }

    public record Updates(int batch, Stat updatesPerSecond, Stat rowsPerSecond) {
    }

    public record Training(long steps, Stat stepsPerSecond) {
    }

    private Environment makeEnv() {
        return Trainer.makeEnv(registry, config.env(), config.envOptions(), config.observation());
    }

    /** Random legal actions for {@code steps} steps on one copy, then on {@code copies} copies in lockstep. */
    public EnvSpeed envSpeed(long steps, int copies) {
        double[] single = new double[repeats];
        double[] vector = new double[repeats];
        RandomGenerator random = new RestorableRandom(1);
        try (Environment env = makeEnv(); VectorEnv batch = new VectorEnv(this::makeEnv, copies, 1)) {
            for (int r = -1; r < repeats; r++) { // r = -1 warms up
                env.reset(Seeds.derive(1, "bench", r + 1));
                long start = System.nanoTime();
                for (long s = 0; s < steps; s++) {
                    Step step = env.step(env.actionSpace().sample(random, env.actionMask()));
                    if (step.done()) {
                        env.reset();
                    }
                }
                double singleRate = steps / seconds(start);
                batch.reset(r + 1);
                int[] actions = new int[copies];
                boolean[] mask = new boolean[batch.actionCount()];
                start = System.nanoTime();
                for (long s = 0; s < steps; s += copies) {
                    for (int e = 0; e < copies; e++) {
                        System.arraycopy(batch.masks(), e * mask.length, mask, 0, mask.length);
                        actions[e] = env.actionSpace().sample(random, mask);
                    }
                    batch.step(actions);
                }
                if (r >= 0) {
                    single[r] = singleRate;
                    vector[r] = steps / seconds(start);
                }
            }
        }
        return new EnvSpeed(Stat.of(single), copies, Stat.of(vector));
    }

    /**
     * Forward calls of the agent's network on {@code calls} batches of each size in
     * {@link #BATCHES}: every size is warmed up first, then each repeat times every size in turn,
     * so slow start-up (JIT compilation) and drifting machine load are not charged to one size.
     */
    public List<Inference> inference(int calls) {
        Probe probe = probe();
        for (int batch : BATCHES) {
            for (int i = 0; i < calls; i++) {
                probe.forward().accept(batch);
            }
        }
        double[][] micros = new double[BATCHES.length][repeats];
        for (int r = 0; r < repeats; r++) {
            for (int b = 0; b < BATCHES.length; b++) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    probe.forward().accept(BATCHES[b]);
                }
                micros[b][r] = (System.nanoTime() - start) / 1e3 / calls;
            }
        }
        List<Inference> results = new ArrayList<>();
        for (int b = 0; b < BATCHES.length; b++) {
            double[] rows = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                rows[r] = BATCHES[b] * 1e6 / micros[b][r];
            }
            results.add(new Inference(BATCHES[b], Stat.of(micros[b]), Stat.of(rows)));
        }
        return results;
    }

    /** Training updates (one fit call each) at the algorithm's own batch size. */
    public Updates updates(int calls) {
        Probe probe = probe();
        double[] micros = time(calls, i -> probe.update().run());
        double[] perSecond = new double[micros.length];
        double[] rows = new double[micros.length];
        for (int i = 0; i < micros.length; i++) {
            perSecond[i] = 1e6 / micros[i];
            rows[i] = probe.updateBatch() * perSecond[i];
        }
        return new Updates(probe.updateBatch(), Stat.of(perSecond), Stat.of(rows));
    }

    /** Whole training runs of {@code steps} steps (no evaluation, no files), environment steps per second. */
    public Training training(long steps) {
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            try (EnvFactory envs = EnvFactory.of(registry, config)) {
                Learner learner = algorithm.learnerFactory().create(hyperparameters, envs, config.seed() + r);
                long start = System.nanoTime();
                learner.learn(steps, TrainingListener.NONE);
                rates[r] = steps / seconds(start);
            }
        }
        return new Training(steps, Stat.of(rates));
    }

    /** Microseconds per call of {@code call}, one value per repeat, after as many warm-up calls. */
    private double[] time(int calls, IntConsumer call) {
        for (int i = 0; i < calls; i++) {
            call.accept(i);
        }
        double[] micros = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.accept(i);
            }
            micros[r] = (System.nanoTime() - start) / 1e3 / calls;
        }
        return micros;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The agent's network with inputs and labels ready for timing: a forward of n rows, one update. */
    private record Probe(IntConsumer forward, Runnable update, int updateBatch) {
    }

    private Probe probe() {
        int[] shape;
        int actions;
        try (Environment env = makeEnv()) {
            if (!(env.observationSpace() instanceof Box box)) {
                throw new IllegalArgumentException(config.env() + " observations are not a Box; choose an observation "
                        + "encoding (--set observation=onehot)");
            }
            shape = box.shape();
            actions = env.actionSpace().n();
        }
        int inputSize = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        RandomGenerator random = new RestorableRandom(3);
        float[][] byRows = inputsByRows(inputSize, random);
        int batch = updateBatch();
        float[] x = randomFloats(batch * inputSize, random);
        if (hyperparameters instanceof DqnConfig dqn) {
            Network network = dqn.network().build(shape, actions, dqn.learningRate(), new HuberLoss(dqn.huberDelta()), 1);
            float[] labels = randomFloats(batch * actions, random);
            float[] mask = new float[batch * actions];
            for (int i = 0; i < batch; i++) {
                mask[i * actions + random.nextInt(actions)] = 1f;
            }
            return new Probe(rows -> network.output(byRows[indexOf(rows)], rows),
                    () -> network.fit(x, labels, mask, batch), batch);
        }
        ActorCritic network = ((ActorCriticConfig) hyperparameters).buildNetwork(shape, actions, 1);
        float[] values = randomFloats(batch, random);
        float[] labels = new float[batch * (actions + PolicyLoss.LEADING_COLUMNS)];
        boolean[] legal = new boolean[batch * actions];
        Arrays.fill(legal, true);
        for (int i = 0; i < batch; i++) {
            PolicyLoss.label(labels, i, actions, random.nextInt(actions), (float) random.nextGaussian(),
                    (float) -Math.log(actions), legal, i);
        }
        return new Probe(rows -> network.output(byRows[indexOf(rows)], rows),
                () -> network.fit(x, labels, values, batch), batch);
    }

    /** Rows per fit call: the minibatch of PPO/DQN, the whole rollout of A2C, 256 for REINFORCE (episodes vary). */
    private int updateBatch() {
        if (hyperparameters instanceof DqnConfig dqn) {
            return dqn.batchSize();
        }
        if (hyperparameters instanceof PpoConfig ppo) {
            return ppo.batchSize();
        }
        if (hyperparameters instanceof A2cConfig a2c) {
            return a2c.nEnvs() * a2c.nSteps();
        }
        return 256;
    }

    private static int indexOf(int rows) {
        for (int i = 0; i < BATCHES.length; i++) {
            if (BATCHES[i] == rows) {
                return i;
            }
        }
        throw new IllegalArgumentException("no input prepared for batch " + rows);
    }

    private static float[][] inputsByRows(int inputSize, RandomGenerator random) {
        float[][] inputs = new float[BATCHES.length][];
        for (int i = 0; i < BATCHES.length; i++) {
            inputs[i] = randomFloats(BATCHES[i] * inputSize, random);
        }
        return inputs;
    }

    private static float[] randomFloats(int n, RandomGenerator random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
