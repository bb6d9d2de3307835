package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Algorithms;
import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.Learner;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.ObservationEncoding;
import io.rlarena.env.Seeds;
import io.rlarena.record.CurveChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs one training run end to end: makes the environment, the learner and the run directory,
 * trains while logging metrics, checkpointing and reporting progress, and saves the agent file.
 */
public final class Trainer {

    /** Checkpoints kept in {@code checkpoints/}; older ones are deleted. */
    static final int CHECKPOINTS_KEPT = 3;
    /** Episodes in the moving window of the progress status and the summary. */
    public static final int WINDOW = 100;

    private Trainer() {
    }

    /** A finished run. */
    public record Result(long steps, long episodes, double seconds, double recentMeanReturn,
                         double recentSuccessRate) {
    }

    /** The environment a run (or an agent file) trains or acts on: registry env plus observation encoding. */
    public static Environment makeEnv(EnvRegistry registry, String env, Map<String, String> options, String observation) {
        return ObservationEncoding.apply(registry.make(env, options), observation);
    }

    /** Trains; the caller owns {@code progress} and closes it. */
    public static Result train(RunConfig config, EnvRegistry registry, RunDirectory run, Progress progress) {
        Algorithm algorithm = Algorithms.get(config.algorithm());
        Record hyperparameters = Configs.fromJson(config.hyperparameters(), algorithm.configType(),
                algorithm.name() + " hyperparameters");
        SelfPlayPool pool = new SelfPlayPool();
        try (EnvFactory envs = EnvFactory.of(registry, config).withSelfPlay(pool)) {
            Learner learner = algorithm.learnerFactory().create(hyperparameters, envs, config.seed());
            Environment evalEnv = config.evalEvery() > 0 ? envs.get() : null;
            Map<String, String> envOptions = new TreeMap<>(config.envOptions());
            envOptions.put(EnvRegistry.MAX_EPISODE_STEPS, String.valueOf(envs.first().spec().maxEpisodeSteps()));
            AgentFile.EnvRef envRef = new AgentFile.EnvRef(config.env(), envOptions);
            run.create(config);
            RunListener listener;
            try (MetricsLog metrics = new MetricsLog(run.metricsFile())) {
                listener = new RunListener(config, run, learner, envRef, metrics, progress, evalEnv,
                        envs.usesSelfPlay() ? pool : null);
                listener.snapshotForSelfPlay(0);
                learner.learn(config.steps(), listener);
            }
            listener.save(run.agentFile(), config.steps());
            CurveChart.drawRun(run.path());
            return new Result(config.steps(), listener.episodes, listener.seconds(), listener.meanReturn(),
                    listener.successRate());
        }
    }

    /** Metrics, checkpoints and progress for one run. */
    private static final class RunListener implements TrainingListener {

        private final RunConfig config;
        private final RunDirectory run;
        private final Learner learner;
        private final AgentFile.EnvRef envRef;
        private final MetricsLog metrics;
        private final Progress progress;
        private final Environment evalEnv;
        private final SelfPlayPool selfPlay;
        private final long start = System.nanoTime();
        private final Deque<Double> returns = new ArrayDeque<>();
        private final Deque<Boolean> successes = new ArrayDeque<>();
        private long episodes;
        private double epsilon = Double.NaN;
        private double bestEvalReturn = Double.NEGATIVE_INFINITY;

        RunListener(RunConfig config, RunDirectory run, Learner learner, AgentFile.EnvRef envRef, MetricsLog metrics,
                    Progress progress, Environment evalEnv, SelfPlayPool selfPlay) {
            this.config = config;
            this.selfPlay = selfPlay;
            this.evalEnv = evalEnv;
            this.run = run;
            this.learner = learner;
            this.envRef = envRef;
            this.metrics = metrics;
            this.progress = progress;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        double meanReturn() {
            return returns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double successRate() {
            return successes.stream().mapToDouble(s -> s ? 1 : 0).average().orElse(Double.NaN);
        }

        @Override
        public void onEpisode(EpisodeStats episode) {
            metrics.write(episode, episode.step() / seconds());
            episodes++;
            epsilon = episode.epsilon();
            returns.addLast(episode.episodeReturn());
            successes.addLast(episode.success());
            if (returns.size() > WINDOW) {
                returns.removeFirst();
                successes.removeFirst();
            }
        }

        @Override
        public void onStep(long step) {
            if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0 && step < config.steps()) {
                checkpoint(step);
            }
            if (evalEnv != null && (step % config.evalEvery() == 0 || step == config.steps())) {
                evaluate(step);
            }
            if (step % 100 == 0 || step == config.steps()) {
                progress.update(step, String.format(Locale.ROOT, "ep %d | return %.3f | success %.2f", episodes,
                        meanReturn(), successRate()) + (Double.isNaN(epsilon) ? "" : String.format(Locale.ROOT,
                        " | eps %.3f", epsilon)));
            }
        }

        /** Saves the learner as an agent file trained for {@code step} steps. */
        void save(Path file, long step) {
            AgentFile.save(file, AgentFile.Manifest.of(config.algorithm(), envRef, config.observation(), config.seed(),
                    step), Configs.toJson(config), learner.modelBytes(true));
        }

        /**
         * Evaluates the greedy policy on the same episode seeds each time (a stream of its own, so
         * training is unaffected), logs it, and keeps the best agent so far as best.zip.
         */
        private void evaluate(long step) {
            EvalResult result = Evaluator.evaluate(evalEnv, learner, config.evalEpisodes(),
                    Seeds.derive(config.seed(), "evaluation"));
            boolean best = result.meanReturn() > bestEvalReturn;
            try {
                Path log = run.path().resolve(RunDirectory.EVALUATIONS);
                if (!Files.exists(log)) {
                    Files.writeString(log, "step,mean_return,std_return,success_rate,mean_length,best\n");
                }
                Files.writeString(log, String.format(Locale.ROOT, "%d,%.6f,%.6f,%.4f,%.2f,%d%n", step,
                        result.meanReturn(), result.stdReturn(), result.successRate(), result.meanLength(), best ? 1 : 0),
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write evaluations in " + run.path(), e);
            }
            if (best) {
                bestEvalReturn = result.meanReturn();
                save(run.bestFile(), step);
            }
        }

        /**
         * With self-play, adds the agent as it is now to the pool of opponents and saves it as
         * {@code pool/step-N.zip} (an agent file, so arena can play it too).
         */
        void snapshotForSelfPlay(long step) {
            if (selfPlay == null) {
                return;
            }
            Algorithm algorithm = Algorithms.get(config.algorithm());
            selfPlay.add("step " + step, algorithm.policyLoader().apply(learner.modelBytes(false)));
            try {
                Files.createDirectories(run.path().resolve(RunDirectory.POOL));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the self-play pool folder in " + run.path(), e);
            }
            save(run.path().resolve(RunDirectory.POOL).resolve(String.format("step-%012d.zip", step)), step);
        }

        private void checkpoint(long step) {
            metrics.flush();
            snapshotForSelfPlay(step);
            save(run.checkpoint(step), step);
            try (Stream<Path> files = Files.list(run.path().resolve(RunDirectory.CHECKPOINTS))) {
                List<Path> all = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
                for (Path old : all.subList(0, Math.max(0, all.size() - CHECKPOINTS_KEPT))) {
                    Files.deleteIfExists(old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prune checkpoints in " + run.path(), e);
            }
        }
    }
}
