package io.rlarena.cli;

import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.bench.Benchmark;
import io.rlarena.bench.Machine;
import io.rlarena.bench.Scenario;
import io.rlarena.bench.SolverBench;
import io.rlarena.bench.Stat;
import io.rlarena.env.EnvRegistry;
import io.rlarena.nn.Backend;
import io.rlarena.train.Presets;
import io.rlarena.train.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rlarena bench}: speed of an environment and agent, or time to solve a named scenario. */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Measure speed: raw env steps/s, batched inference, training updates/s and end-to-end training "
                + "steps/s for an env and agent (medians of --repeats); or, with --scenario, the time to solve a task.",
                "Scenarios: cartpole-ppo, cartpole-a2c, cartpole-dqn. With --solver: the Connect Four solver's time per "
                        + "position."})
final class BenchCommand implements Callable<Integer> {

    enum Part { env, inference, updates, training }

    @Option(names = "--env", defaultValue = "CartPole-v1", paramLabel = "ID|CLASS", description = "Environment.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--agent", defaultValue = "ppo", description = "Algorithm whose preset network and learner are timed.")
    String agent;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Preset JSON (default: agents/AGENT/ENV.json); applies to --scenario runs too.")
    Path preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one preset value, repeatable; applies to --scenario runs too.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--parts", split = ",", defaultValue = "env,inference,updates,training",
            description = "What to measure: env, inference, updates, training.")
    Set<Part> parts = EnumSet.allOf(Part.class);

    @Option(names = "--repeats", defaultValue = "5", description = "Repeats of each measurement (medians reported).")
    int repeats;

    @Option(names = "--env-steps", defaultValue = "100000", description = "Steps per env-speed repeat.")
    long envSteps;

    @Option(names = "--copies", defaultValue = "8", description = "Copies in the vector-env speed measurement.")
    int copies;

    @Option(names = "--calls", defaultValue = "300", description = "Network calls per inference/update repeat.")
    int calls;

    @Option(names = "--train-steps", defaultValue = "20000", description = "Steps per end-to-end training repeat.")
    long trainSteps;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Time to solve a named scenario instead.")
    String scenario;

    @Option(names = "--max-steps", description = "Step budget of each scenario run (default: the scenario's).")
    Long maxSteps;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Seeds of the scenario runs.")
    List<Long> seeds;

    @Option(names = "--solver", split = ",", paramLabel = "FILE",
            description = "Time the Connect Four solver on position files instead (e.g. environments/connect4/middle.txt): "
                    + "milliseconds per position, each solved with a cleared table.")
    List<Path> solverFiles;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path outFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Backend.useThreads(1);
        EnvRegistry registry = envArgs.registry();
        PrintWriter out = spec.commandLine().getOut();
        JsonObject report = new JsonObject();
        report.add("machine", Json.GSON.toJsonTree(Machine.current()));
        report.addProperty("backend", Backend.describe());
        if (solverFiles != null) {
            List<SolverBench.Timing> timings = new ArrayList<>();
            for (Path file : solverFiles) {
                SolverBench.Timing timing;
                try (Counter counter = Counter.onTerminal(file + ": position", 0)) {
                    timing = SolverBench.time(file, counter::done);
                }
                timings.add(timing);
                if (!json) {
                    Stat millis = timing.millisPerPosition();
                    out.printf(Locale.ROOT, "%s: %d positions, %d-%d stones: median %.3f ms, max %.1f ms per position "
                            + "(%,.0f positions searched per second)%n", timing.file(), timing.positions(),
                            timing.minStones(), timing.maxStones(), millis.median(), millis.max(), timing.nodesPerSecond());
                    out.flush();
                }
            }
            report.add("solver", Json.GSON.toJsonTree(timings));
        } else if (scenario != null) {
            Scenario task = maxSteps == null ? Scenario.named(scenario) : Scenario.named(scenario).withMaxSteps(maxSteps);
            if (!json) {
                out.println(task + " (" + Backend.describe() + ")");
                out.flush();
            }
            Scenario.Outcome outcome;
            try (Counter counter = Counter.onTerminal("seed", seeds.size())) {
                outcome = task.run(registry, seeds, preset, sets, counter::done);
            }
            report.add("scenario", Json.GSON.toJsonTree(outcome));
            if (!json) {
                printScenario(out, outcome);
            }
        } else {
            RunConfig config = Presets.resolve(new Presets.Request(env, envArgs.envOptions, agent, preset, sets, null, 1L),
                    registry.classLoader()).config();
            report.addProperty("env", config.env());
            report.add("env_options", Json.GSON.toJsonTree(config.envOptions()));
            report.addProperty("agent", config.algorithm());
            report.add("hyperparameters", config.hyperparameters());
            Benchmark bench = new Benchmark(registry, config, repeats);
            if (!json) {
                out.printf("bench %s on %s (%d repeats, medians; %s)%n", config.algorithm(), config.env(), repeats,
                        Backend.describe());
                out.flush();
            }
            measure(bench, report, out);
        }
        if (json) {
            out.println(Json.GSON.toJson(report));
        }
        if (outFile != null) {
            Json.write(outFile, report);
            if (!json) {
                out.println("report: " + outFile);
            }
        }
        out.flush();
        return 0;
    }

    private void measure(Benchmark bench, JsonObject report, PrintWriter out) {
        if (parts.contains(Part.env)) {
            Benchmark.EnvSpeed speed = bench.envSpeed(envSteps, copies);
            report.add("env_speed", Json.GSON.toJsonTree(speed));
            print(out, "env steps/s, one copy (random actions)", speed.stepsPerSecond(), "%,.0f");
            print(out, "env steps/s, vector of " + copies, speed.vectorStepsPerSecond(), "%,.0f");
        }
        if (parts.contains(Part.inference)) {
            List<Benchmark.Inference> inference = bench.inference(calls);
            report.add("inference", Json.GSON.toJsonTree(inference));
            if (!json) {
                out.println("inference: batch | us per call | rows per second");
                for (Benchmark.Inference row : inference) {
                    out.printf(Locale.ROOT, "  %5d | %9.1f | %,12.0f%n", row.batch(), row.microsPerCall().median(),
                            row.rowsPerSecond().median());
                }
            }
        }
        if (parts.contains(Part.updates)) {
            Benchmark.Updates updates = bench.updates(calls);
            report.add("updates", Json.GSON.toJsonTree(updates));
            print(out, "training updates/s (batch " + updates.batch() + ")", updates.updatesPerSecond(), "%,.1f");
        }
        if (parts.contains(Part.training)) {
            Benchmark.Training training = bench.training(trainSteps);
            report.add("training", Json.GSON.toJsonTree(training));
            print(out, "end-to-end training steps/s (" + trainSteps + " steps)", training.stepsPerSecond(), "%,.0f");
        }
    }

    private void print(PrintWriter out, String what, Stat stat, String format) {
        if (!json) {
            out.printf(Locale.ROOT, "%-45s " + format + "  (min " + format + ", max " + format + ")%n", what + ":",
                    stat.median(), stat.min(), stat.max());
            out.flush();
        }
    }

    private static void printScenario(PrintWriter out, Scenario.Outcome outcome) {
        for (Scenario.Run run : outcome.runs()) {
            out.printf(Locale.ROOT, "  seed %d: %s%n", run.seed(), run.solved()
                    ? String.format(Locale.ROOT, "solved at %,d steps in %.2f s training (%.2f s with evaluations)",
                    run.steps(), run.trainSeconds(), run.wallSeconds())
                    : String.format(Locale.ROOT, "not solved (best evaluation %.1f)", run.bestMeanReturn()));
        }
        if (outcome.solved() > 0) {
            out.printf(Locale.ROOT, "solved %d of %d; medians: %,.0f steps, %.2f s training, %.2f s with evaluations%n",
                    outcome.solved(), outcome.runs().size(), outcome.medianSteps(), outcome.medianTrainSeconds(),
                    outcome.medianWallSeconds());
        } else {
            out.printf("solved 0 of %d%n", outcome.runs().size());
        }
    }
}
