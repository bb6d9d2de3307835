package io.rlarena.cli;

import io.rlarena.env.EnvRegistry;
import io.rlarena.nn.Backend;
import io.rlarena.train.Presets;
import io.rlarena.train.Progress;
import io.rlarena.train.RunConfig;
import io.rlarena.train.RunDirectory;
import io.rlarena.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rlarena train}: trains an agent and saves the run. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train an agent on an environment; the run (config, metrics, checkpoints, agent) is saved.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "ID|CLASS", description = "Environment id or class name (required unless "
            + "--resume).")
    String env;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue an interrupted run from its latest "
            + "checkpoint, with the run's own config.json.")
    Path resume;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--agent", defaultValue = "dqn",
            description = "Algorithm: dqn, ppo, a2c, reinforce, alphazero (board games).")
    String agent;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Preset JSON (default: agents/AGENT/ENV.json when it exists, else the agent's defaults).")
    Path preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one preset value, repeatable (e.g. --set learning_rate=5e-4 --set network.hidden=128,128).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--steps", description = "Environment steps to train (default: the preset's).")
    Long steps;

    @Option(names = "--seed", description = "Root seed (default: a fresh one, recorded in config.json).")
    Long seed;

    @Option(names = "--eval-every", paramLabel = "N",
            description = "Evaluate the greedy policy every N steps on separate seeds and keep the best agent as best.zip "
                    + "(same as --set eval_every=N; episodes: --set eval_episodes=K).")
    Integer evalEvery;

    @Option(names = "--record-every", paramLabel = "N",
            description = "Every N steps record one greedy episode as episodes/step-N.jsonl in the run, for 'rlarena "
                    + "replay' (same as --set record_every=N).")
    Integer recordEvery;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Run directory (default: runs/ENV-AGENT-seedS-TIME).")
    Path runDir;

    @Option(names = "--threads", defaultValue = "1",
            description = "ND4J math threads; 1 makes runs repeat bit for bit and is fastest for small networks.")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        EnvRegistry registry = envArgs.registry();
        if (env == null) {
            throw new IllegalArgumentException("train needs --env ID (or --resume RUN to continue a run)");
        }
        List<String> overrides = new ArrayList<>(sets);
        if (evalEvery != null) {
            overrides.add("eval_every=" + evalEvery);
        }
        if (recordEvery != null) {
            overrides.add("record_every=" + recordEvery);
        }
        Presets.Resolved resolved = Presets.resolve(new Presets.Request(env, envArgs.envOptions, agent, preset,
                overrides, steps, seed), registry.classLoader());
        RunConfig config = resolved.config();
        registry.make(config.env(), config.envOptions()).close(); // a bad id or option fails before anything is printed
        Backend.useThreads(threads);
        RunDirectory run = runDir != null ? new RunDirectory(runDir) : RunDirectory.defaultFor(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        resolved.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        out.printf("train %s on %s%s: %,d steps, seed %d%n", config.algorithm(), config.env(),
                config.envOptions().isEmpty() ? "" : " " + config.envOptions(), config.steps(), config.seed());
        out.printf("  preset: %s%n  run:    %s%n  ND4J:   %s%n", resolved.presetSource(), run.path(), Backend.describe());
        if (config.evalEvery() > 0) {
            out.printf("  evals:  every %,d steps, %d greedy episodes on seeds of their own; the best agent so far is "
                    + "kept as best.zip, which eval --run uses%n", config.evalEvery(), config.evalEpisodes());
        }
        out.flush();
        Trainer.Result result;
        try (Progress progress = progress(out, config.steps())) {
            result = Trainer.train(config, registry, run, progress);
        }
        report(out, result, run);
        return 0;
    }

    private Integer resume() {
        if (env != null || preset != null || !sets.isEmpty() || steps != null || seed != null || evalEvery != null
                || recordEvery != null || runDir != null || !envArgs.envOptions.isEmpty()) {
            throw new IllegalArgumentException("--resume RUN continues the run with its own config.json: give no --env, "
                    + "--env-opt, --preset, --set, --steps, --seed, --eval-every or --run-dir with it");
        }
        RunDirectory run = new RunDirectory(resume);
        EnvRegistry registry = envArgs.registryOfRun(run.readConfig().plugins(), run.path().resolve(RunDirectory.CONFIG)
                .toString(), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        Backend.useThreads(threads);
        out.printf("resume %s from %s%n", run.path(), run.latestCheckpoint().map(Path::toString).orElse("(none)"));
        out.flush();
        Trainer.Result result;
        try (Progress progress = progress(out, run.readConfig().steps())) {
            result = Trainer.resume(run, registry, progress);
        }
        report(out, result, run);
        return 0;
    }

    private static Progress progress(PrintWriter out, long steps) {
        return System.console() != null ? new BarProgress(steps) : new LineProgress(out, steps);
    }

    private static void report(PrintWriter out, Trainer.Result result, RunDirectory run) {
        out.printf(Locale.ROOT, "done: %,d steps in %.1f s (%.0f steps/s), %,d episodes; last %d episodes: "
                        + "mean return %.3f%s%n", result.steps(), result.seconds(),
                result.steps() / result.seconds(), result.episodes(), Math.min(Trainer.WINDOW, result.episodes()),
                result.recentMeanReturn(), result.recentSuccessRate() > 0
                        ? String.format(Locale.ROOT, ", success rate %.2f", result.recentSuccessRate()) : "");
        out.printf("agent: %s%n", run.agentFile());
        if (Files.exists(run.bestFile())) {
            out.printf("best:  %s (the best periodic evaluation, evaluations.csv; eval --run uses it)%n", run.bestFile());
        }
        out.printf("next:  ./rlarena eval --run %s%n", run.path());
        out.flush();
    }
}
