package io.rlarena.train;

import com.google.gson.JsonElement;
import io.rlarena.agent.AgentFile;
import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Algorithms;
import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.Learner;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.ObservationEncoding;
import io.rlarena.env.Resumable;
import io.rlarena.env.Seeds;
import io.rlarena.env.Wrapper;
import io.rlarena.record.CurveChart;
import io.rlarena.record.EpisodeFile;
import io.rlarena.record.EpisodeRecorder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
        return makeEnv(registry, env, options, observation, null);
    }

    /** {@link #makeEnv} for an environment read from {@code source}, a file its errors name (null: none). */
    public static Environment makeEnv(EnvRegistry registry, String env, Map<String, String> options, String observation,
                                      String source) {
        return ObservationEncoding.apply(source == null ? registry.make(env, options) : registry.make(env, options, source),
                observation);
    }

    /** Trains; the caller owns {@code progress} and closes it. */
    public static Result train(RunConfig config, EnvRegistry registry, RunDirectory run, Progress progress) {
        return start(config, registry, run, progress);
    }

    /**
     * Continues an interrupted run from its latest checkpoint (network, optimizer state, replay
     * buffer, counters) to its configured steps: metrics, evaluations and self-play snapshots
     * written after that checkpoint are dropped first, so the run reads as if it had gone on.
     *
     * @throws IllegalArgumentException if {@code run} is not a run, already finished, or has no checkpoint
     */
    public static Result resume(RunDirectory run, EnvRegistry registry, Progress progress) {
        RunConfig config = run.readConfig();
        if (Files.exists(run.agentFile())) {
            throw new IllegalArgumentException(run.path() + " already finished (" + RunDirectory.AGENT + " exists); "
                    + "nothing to resume");
        }
        try (RunDirectory.Lock lock = run.lock()) {
            RunDirectory.Resumable resumable = run.resumableCheckpoint();
            AgentFile.Contents checkpoint = resumable.checkpoint();
            resumable.skipped().forEach(damaged -> progress.note("warning: passing over a damaged checkpoint: " + damaged));
            if (!resumable.skipped().isEmpty()) {
                progress.note("resuming from the newest valid checkpoint, " + checkpoint.file());
            }
            RunDirectory.checkSameConfig(config, checkpoint, run.path().resolve(RunDirectory.CONFIG));
            run.dropAfter(checkpoint.manifest().steps());
            return run(config, registry, run, progress, checkpoint);
        }
    }

    /**
     * Trains a new run in {@code run}, holding its lock while it writes; the run records the
     * registry's plug-ins, so later commands find them again.
     */
    private static Result start(RunConfig config, EnvRegistry registry, RunDirectory run, Progress progress) {
        RunConfig recorded = config.withPlugins(registry.plugins());
        run.requireNew(); // before the lock file: a folder of yours is refused untouched
        try (RunDirectory.Lock lock = run.lock()) { // before config.json: two processes cannot both start the run
            run.create(recorded);
            return run(recorded, registry, run, progress, null);
        }
    }

    private static Result run(RunConfig config, EnvRegistry registry, RunDirectory run, Progress progress,
                              AgentFile.Contents resumeFrom) {
        Algorithm algorithm = Algorithms.get(config.algorithm());
        Record hyperparameters = Configs.hyperparameters(algorithm, config);
        SelfPlayPool pool = new SelfPlayPool();
        String source = resumeFrom == null ? null : run.path().resolve(RunDirectory.CONFIG).toString();
        try (EnvFactory envs = EnvFactory.of(registry, config, source).withSelfPlay(pool)) {
            Learner learner = algorithm.learnerFactory().create(hyperparameters, envs, config.seed());
            Environment evalEnv = config.evalEvery() > 0 ? envs.get() : null;
            Environment recordEnv = config.recordEvery() > 0 ? envs.get() : null;
            Map<String, String> envOptions = new TreeMap<>(config.envOptions());
            envOptions.put(EnvRegistry.MAX_EPISODE_STEPS, String.valueOf(envs.first().spec().maxEpisodeSteps()));
            AgentFile.EnvRef envRef = new AgentFile.EnvRef(config.env(), envOptions);
            long startStep = resumeFrom == null ? 0 : resumeFrom.manifest().steps();
            RunListener listener;
            try (MetricsLog metrics = new MetricsLog(run.metricsFile(), resumeFrom != null)) {
                listener = new RunListener(config, run, learner, envRef, metrics, progress, evalEnv, recordEnv,
                        envs.usesSelfPlay() ? pool : null);
                listener.startAt(startStep); // before the restore: a replayed self-play episode needs the pool
                if (resumeFrom != null) {
                    restore(learner, resumeFrom, startStep, evalEnv, recordEnv);
                }
                learner.learn(config.steps(), listener);
            }
            CurveChart.drawRun(run.path());
            listener.save(run.agentFile(), config.steps(), false); // last: agent.zip marks the run finished
            return new Result(config.steps(), listener.episodes, listener.seconds(), listener.meanReturn(),
                    listener.successRate());
        }
    }

    /**
     * Restores the learner from a checkpoint, then the evaluation and recording environments'
     * state between episodes (a board game's side under {@code side=alternate}), which the
     * checkpoint holds after the learner's state.
     */
    private static void restore(Learner learner, AgentFile.Contents checkpoint, long step, Environment... own) {
        try (DataInputStream state = new DataInputStream(new ByteArrayInputStream(checkpoint.state()))) {
            learner.restore(checkpoint.model(), state, step);
            for (Environment env : own) {
                readBetweenEpisodes(state, env);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(checkpoint.file() + ": its training state is unreadable ("
                    + e.getMessage() + ")");
        }
    }

    /** Writes {@code env}'s {@link Resumable} state (none for a missing or non-resumable env). */
    private static void writeBetweenEpisodes(DataOutputStream out, Environment env) throws IOException {
        long[] values = env != null && Wrapper.unwrap(env) instanceof Resumable resumable
                ? resumable.betweenEpisodes() : new long[0];
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    /** Reads what {@link #writeBetweenEpisodes} wrote into {@code env}. */
    private static void readBetweenEpisodes(DataInputStream in, Environment env) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 64) {
            throw new IOException("an environment state of " + count + " values");
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readLong();
        }
        if (count > 0 && env != null && Wrapper.unwrap(env) instanceof Resumable resumable) {
            resumable.restoreBetweenEpisodes(values);
        }
    }

    /** Training stopped because a reward, a loss or a weight stopped being finite. */
    public static final class TrainingDiverged extends IllegalStateException {
        TrainingDiverged(String message) {
            super(message);
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
        private final Environment recordEnv;
        private final SelfPlayPool selfPlay;
        private final long start = System.nanoTime();
        private final Deque<Double> returns = new ArrayDeque<>();
        private final Deque<Boolean> successes = new ArrayDeque<>();
        private final Deque<Integer> lengths = new ArrayDeque<>();
        /** Whether any episode succeeded: environments without a goal (CartPole) never show a success rate. */
        private boolean anySuccess;
        private long episodes;
        private double epsilon = Double.NaN;
        private double bestEvalReturn = Double.NEGATIVE_INFINITY;
        private long stepNow;
        private long lastCheckpoint;
        private boolean diverged;

        RunListener(RunConfig config, RunDirectory run, Learner learner, AgentFile.EnvRef envRef, MetricsLog metrics,
                    Progress progress, Environment evalEnv, Environment recordEnv, SelfPlayPool selfPlay) {
            this.config = config;
            this.recordEnv = recordEnv;
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
            if (!Double.isFinite(episode.episodeReturn())) {
                diverged(episode.step(), "episode " + episode.episode() + " returned " + episode.episodeReturn()
                        + ": the environment gave a non-finite reward");
            }
            metrics.write(episode, episode.step() / seconds(), diverged);
            episodes++;
            epsilon = episode.epsilon();
            returns.addLast(episode.episodeReturn());
            successes.addLast(episode.success());
            lengths.addLast(episode.length());
            anySuccess |= episode.success();
            if (returns.size() > WINDOW) {
                returns.removeFirst();
                successes.removeFirst();
                lengths.removeFirst();
            }
        }

        @Override
        public void onUpdate(double loss) {
            if (!Double.isFinite(loss)) {
                diverged(stepNow, "the training loss is " + loss + " (often a learning rate too high for this network: "
                        + "it is " + learningRate() + ")");
            }
        }

        /** Checkpoints at the first boundary at or past each multiple of the checkpoint interval. */
        @Override
        public void onBoundary(long step) {
            long interval = config.checkpointInterval();
            if (interval > 0 && step < config.steps() && step / interval > lastCheckpoint / interval) {
                checkpoint(step);
                lastCheckpoint = step;
            }
        }

        /** Stops training with {@code why} ({@code on_divergence=stop}) or warns once and goes on. */
        private void diverged(long step, String why) {
            String message = "training diverged at step " + step + ": " + why + ". Lower the learning rate (--set "
                    + "learning_rate=...), or --set on_divergence=warn to train on regardless";
            if (config.onDivergence().equals("stop")) {
                metrics.flush();
                throw new TrainingDiverged(message + "; the run's files up to here are kept in " + run.path());
            }
            if (!diverged) {
                progress.note("warning: " + message);
            }
            diverged = true;
        }

        private String learningRate() {
            JsonElement rate = config.hyperparameters().get("learning_rate");
            return rate == null ? "its configured value" : "learning_rate=" + rate.getAsString();
        }

        @Override
        public void onStep(long step) {
            stepNow = step;
            if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0 && step < config.steps()) {
                snapshotForSelfPlay(step);
            }
            if (config.evalEvery() > 0 && (step % config.evalEvery() == 0 || step == config.steps())) {
                evaluate(step);
            }
            if (config.recordEvery() > 0 && (step % config.recordEvery() == 0 || step == config.steps())) {
                record(step);
            }
            if (step % 100 == 0 || step == config.steps()) {
                double meanLength = lengths.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
                progress.update(step, String.format(Locale.ROOT, "ep %d | return %.3f | length %.1f", episodes,
                        meanReturn(), meanLength) + (anySuccess ? String.format(Locale.ROOT, " | success %.2f",
                        successRate()) : "") + (Double.isNaN(epsilon) ? "" : String.format(Locale.ROOT, " | eps %.3f",
                        epsilon)));
            }
        }

        /**
         * Prepares for training from {@code step}: a new run snapshots the untrained agent for
         * self-play; a resumed one takes back the snapshots, the best evaluation and the episode count
         * it had at that step.
         */
        void startAt(long step) {
            lastCheckpoint = step;
            if (step == 0) {
                snapshotForSelfPlay(0);
                return;
            }
            episodes = run.metricsRows();
            bestEvalReturn = run.bestEvaluation().orElse(Double.NEGATIVE_INFINITY);
            if (selfPlay != null) {
                run.poolSnapshots().forEach(this::addToPool);
            }
        }

        /** Saves the learner as an agent file trained for {@code step} steps, with its training state for a checkpoint. */
        void save(Path file, long step, boolean withState) {
            byte[] state = null;
            if (withState) {
                try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                     DataOutputStream out = new DataOutputStream(bytes)) {
                    learner.writeState(out);
                    writeBetweenEpisodes(out, evalEnv);
                    writeBetweenEpisodes(out, recordEnv);
                    out.flush();
                    state = bytes.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the training state of " + file, e);
                }
            }
            AgentFile.save(file, AgentFile.Manifest.of(config.algorithm(), envRef, config.observation(), config.seed(),
                    step).withPlugins(config.plugins()), Configs.toJson(config), learner.modelBytes(true), state);
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
                save(run.bestFile(), step, false);
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
            Path snapshot = run.poolSnapshot(step);
            save(snapshot, step, false);
            addToPool(snapshot);
        }

        private void addToPool(Path snapshot) {
            selfPlay.add(snapshot.getFileName().toString(), AgentFile.load(snapshot).policy());
        }

        /** Plays one greedy episode on seeds of its own and saves it as {@code episodes/step-N.jsonl}. */
        private void record(long step) {
            EpisodeRecorder recorder = new EpisodeRecorder(recordEnv, run.recordedEpisode(step), EpisodeFile.Header.of(config.env(),
                    envRef.options(), config.observation(), run.path() + " at step " + step, "-")
                    .withPlugins(config.plugins()));
            Evaluator.evaluate(recorder, learner, 1, Seeds.derive(config.seed(), "recording", step));
            recorder.finish();
        }

        private void checkpoint(long step) {
            if (!learner.weightsFinite()) {
                diverged(step, "the network's weights are no longer finite");
            }
            metrics.flush();
            save(run.checkpoint(step), step, true);
            List<Path> all = run.checkpoints();
            try {
                for (Path old : all.subList(0, Math.max(0, all.size() - CHECKPOINTS_KEPT))) {
                    Files.deleteIfExists(old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prune checkpoints in " + run.path(), e);
            }
        }
    }
}
