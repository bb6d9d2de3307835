package io.rlarena.bench;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Algorithms;
import io.rlarena.agent.Learner;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Seeds;
import io.rlarena.train.Configs;
import io.rlarena.train.EnvFactory;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.Presets;
import io.rlarena.train.RunConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named end-to-end task: train an agent (its preset from {@code agents/}) and evaluate the
 * greedy policy every {@code evalEvery} steps on {@code evalEpisodes} episodes with their own
 * seeds, until the mean return reaches {@code target} or the step budget runs out. The time to
 * solve is reported twice: training time alone (wall clock minus the evaluations, comparable
 * with figures that time training) and wall clock including the evaluations. An untimed warm-up
 * run of {@link #WARM_UP_STEPS} steps comes first, so the JIT compiler's start-up work is not
 * charged to the first seed (with 5,000 it still cost PPO's first seed about 1 s).
 */
public record Scenario(String name, String env, String agent, double target, long maxSteps, int evalEvery,
                       int evalEpisodes) {

    public static final long WARM_UP_STEPS = 20_000;

    /** The built-in scenarios, by name. */
    public static final Map<String, Scenario> BUILT_IN = new TreeMap<>(Map.of(
            "cartpole-ppo", new Scenario("cartpole-ppo", "CartPole-v1", "ppo", 475, 100_000, 2_000, 10),
            "cartpole-a2c", new Scenario("cartpole-a2c", "CartPole-v1", "a2c", 475, 500_000, 5_000, 10),
            "cartpole-dqn", new Scenario("cartpole-dqn", "CartPole-v1", "dqn", 475, 50_000, 2_500, 10)));

    /** @throws IllegalArgumentException naming the valid scenarios */
    public static Scenario named(String name) {
        Scenario scenario = BUILT_IN.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; available: "
                    + String.join(", ", BUILT_IN.keySet()));
        }
        return scenario;
    }

    /** The same scenario with another step budget. */
    public Scenario withMaxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + steps);
        }
        return new Scenario(name, env, agent, target, steps, evalEvery, evalEpisodes);
    }

    /** One seed's run: solved or not, at which step, after how many seconds. */
    public record Run(long seed, boolean solved, long steps, double trainSeconds, double wallSeconds,
                      double bestMeanReturn) {
    }

    /** All seeds' runs and the medians over the solved ones. */
    public record Outcome(Scenario scenario, List<Run> runs, int solved, Double medianSteps,
                          Double medianTrainSeconds, Double medianWallSeconds) {
    }

    /**
     * Runs the scenario once per seed with the agent's built-in preset, or {@code presetFile} if
     * not null, and {@code sets} overrides ({@code key=value}, as {@code train --set}), telling
     * {@code progress} the seeds done after each (0 after the warm-up).
     */
    public Outcome run(EnvRegistry registry, List<Long> seeds, Path presetFile, List<String> sets,
                       IntConsumer progress) {
        runOnce(registry, -1, presetFile, sets, Math.min(WARM_UP_STEPS, maxSteps));
        progress.accept(0);
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            runs.add(runOnce(registry, seed, presetFile, sets, maxSteps));
            progress.accept(runs.size());
        }
        List<Run> solved = runs.stream().filter(Run::solved).toList();
        return new Outcome(this, runs, solved.size(),
                median(solved.stream().mapToDouble(Run::steps).toArray()),
                median(solved.stream().mapToDouble(Run::trainSeconds).toArray()),
                median(solved.stream().mapToDouble(Run::wallSeconds).toArray()));
    }

    private static Double median(double[] values) {
        return values.length == 0 ? null : Stat.of(values).median();
    }

    private Run runOnce(EnvRegistry registry, long seed, Path presetFile, List<String> sets, long steps) {
        RunConfig config = Presets.resolve(new Presets.Request(env, Map.of(), agent, presetFile, sets, steps, seed),
                registry.classLoader()).config();
        Algorithm algorithm = Algorithms.get(config.algorithm());
        Record hyperparameters = Configs.hyperparameters(algorithm, config);
        try (EnvFactory envs = EnvFactory.of(registry, config)) {
            Learner learner = algorithm.learnerFactory().create(hyperparameters, envs, seed);
            Environment evalEnv = envs.get();
            Watch watch = new Watch(learner, evalEnv, Seeds.derive(seed, "evaluation"));
            learner.learn(steps, watch);
            double wall = (System.nanoTime() - watch.start) / 1e9;
            return new Run(seed, watch.solvedAt > 0, watch.solvedAt, wall - watch.evalSeconds, wall, watch.best);
        }
    }

    /** Evaluates on schedule and stops training at the first evaluation that reaches the target. */
    private final class Watch implements TrainingListener {
        private final Learner learner;
        private final Environment evalEnv;
        private final long evalSeed;
        private final long start = System.nanoTime();
        private double evalSeconds;
        private long solvedAt;
        private double best = Double.NEGATIVE_INFINITY;

        Watch(Learner learner, Environment evalEnv, long evalSeed) {
            this.learner = learner;
            this.evalEnv = evalEnv;
            this.evalSeed = evalSeed;
        }

        @Override
        public void onStep(long step) {
            if (step % evalEvery != 0) {
                return;
            }
            long t0 = System.nanoTime();
            EvalResult result = Evaluator.evaluate(evalEnv, learner, evalEpisodes, evalSeed);
            evalSeconds += (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, result.meanReturn());
            if (result.meanReturn() >= target) {
                solvedAt = step;
            }
        }

        @Override
        public boolean stopRequested() {
            return solvedAt > 0;
        }
    }

    @Override
    public String toString() {
        return name + ": " + agent + " on " + env + " to a mean return of " + target + " over " + evalEpisodes
                + " evaluation episodes (every " + evalEvery + " steps, at most " + maxSteps + " steps)";
    }
}
