package io.rlarena.cli;

import com.google.gson.JsonObject;
import io.rlarena.agent.AgentFile;
import io.rlarena.agent.Json;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Seeds;
import io.rlarena.record.DrawingImages;
import io.rlarena.record.EpisodeFile;
import io.rlarena.record.EpisodeRecorder;
import io.rlarena.record.Replay;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.RunDirectory;
import io.rlarena.train.Trainer;
import picocli.CommandLine.ArgGroup;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code rlarena eval}: runs a saved agent's greedy policy and reports returns, success and the oracle. */
@Command(name = "eval", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Evaluate a trained agent's greedy policy (and compare it with the exact optimum where one exists).")
final class EvalCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--run", paramLabel = "DIR", description = "A run directory: its best.zip (the best of its "
                + "periodic evaluations) if it has one, else its final agent.zip.")
        Path run;

        @Option(names = "--agent-file", paramLabel = "FILE", description = "An agent file.")
        Path agentFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--env", paramLabel = "ID|CLASS", description = "Evaluate on this env instead of the agent's own.")
    String env;

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--episodes", defaultValue = "100", description = "Episodes to run.")
    int episodes;

    @Option(names = "--seed", description = "Root seed of the episodes (default: a fresh one, printed).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--record", paramLabel = "FILE", description = "Also save the episodes (JSON lines) for "
            + "'rlarena replay'.")
    Path record;

    @Option(names = "--force", description = "Let --record (and --gif) replace an existing file.")
    boolean force;

    @Option(names = "--gif", paramLabel = "OUT.gif", description = "With --record: also write the recorded episodes "
            + "as an animated GIF.")
    Path gif;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = source.agentFile != null ? source.agentFile : new RunDirectory(source.run).finishedAgent();
        AgentFile.Contents agent = AgentFile.load(file);
        AgentFile.Manifest manifest = agent.manifest();
        EnvRegistry registry;
        if (source.run != null) {
            RunDirectory run = new RunDirectory(source.run);
            registry = envArgs.registryOfRun(run.readConfig().plugins(), run.path().resolve(RunDirectory.CONFIG)
                    .toString(), spec.commandLine().getErr());
        } else {
            envArgs.requireGiven(manifest.plugins(), "agent file " + file);
            registry = envArgs.registry();
        }
        Map<String, String> options = new TreeMap<>(env == null ? manifest.env().options() : Map.of());
        options.putAll(envArgs.envOptions);
        String envId = env == null ? manifest.env().id() : env;
        long rootSeed = seed != null ? seed : Seeds.fresh();
        if (record != null) {
            checkRecordTarget(record, file, force);
        }
        if (gif != null) {
            if (record == null) {
                throw new IllegalArgumentException("--gif draws the recorded episodes: give --record FILE too");
            }
            checkRecordTarget(gif, file, force);
            if (gif.toAbsolutePath().normalize().equals(record.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--gif " + gif + " is the --record file; give the GIF another name");
            }
        }
        EvalResult result;
        Environment made = Trainer.makeEnv(registry, envId, options, manifest.observation(),
                env == null ? "agent file " + file : null);
        try (Environment environment = record == null ? made : new EpisodeRecorder(made, record,
                EpisodeFile.Header.of(envId, options, manifest.observation(), file.toString(), EpisodeFile.sha256(file))
                        .withPlugins(registry.plugins()))) {
            try (Counter counter = Counter.onTerminal("episode", episodes)) {
                result = Evaluator.evaluate(environment, agent.policyFor(environment), episodes, rootSeed, counter::done);
            }
            if (environment instanceof EpisodeRecorder recorder) {
                recorder.finish(); // only a complete evaluation replaces the file
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (gif != null) {
            EpisodeFile.Recording recording = EpisodeFile.read(record);
            List<Replay.Frame> frames = new ArrayList<>();
            try (Environment replayed = Replay.environment(registry, recording)) {
                Replay.run(recording, replayed, frames::add);
            }
            DrawingImages.writeReplayGif(gif, frames, 480);
        }
        if (json) {
            JsonObject object = Json.GSON.toJsonTree(result).getAsJsonObject();
            object.addProperty("agent", file.toString());
            object.add("env_options", Json.GSON.toJsonTree(options));
            out.println(Json.GSON.toJson(object));
        } else {
            out.printf(Locale.ROOT, "%s %s, %d episodes (seed %d), agent %s%n", result.env(), options, result.episodes(),
                    result.seed(), file);
            // a success rate means something where some episode succeeds or an optimum defines one (not on CartPole)
            boolean success = result.successRate() > 0 || result.optimalReturn() != null;
            out.printf(Locale.ROOT, "  mean return %.3f +- %.3f%s | mean length %.1f%s%n",
                    result.meanReturn(), result.stdReturn(), success ? String.format(Locale.ROOT, " | success rate %.3f",
                            result.successRate()) : "", result.meanLength(),
                    result.truncated() > 0 ? " | truncated " + result.truncated() : "");
            if (made.spec().maxEpisodeSteps() == 0 && result.truncated() > 0) {
                out.printf(Locale.ROOT, "  (%s has no time limit: %d episodes were cut at %,d steps)%n", result.env(),
                        result.truncated(), Evaluator.UNLIMITED_STEP_CAP);
            }
            if (result.meanPathRatio() != null) {
                out.printf(Locale.ROOT, "  path length / shortest path (solved episodes): %.3f%n", result.meanPathRatio());
            }
            if (result.optimalReturn() != null) {
                out.printf(Locale.ROOT, "  optimum (value iteration): return %.3f | success rate %.3f%n",
                        result.optimalReturn(), result.optimalSuccessRate());
                out.printf(Locale.ROOT, "  this policy, exactly:      return %.3f | success rate %.3f%n",
                        result.exactReturn(), result.exactSuccessRate());
            }
        }
        out.flush();
        return 0;
    }

    /** {@code --record FILE} never replaces the agent, nor any existing file without {@code --force}. */
    static void checkRecordTarget(Path record, Path agent, boolean force) {
        try {
            if (Files.exists(record) && Files.isSameFile(record, agent)) {
                throw new IllegalArgumentException("--record " + record + " is the agent file being evaluated; "
                        + "record the episodes to another file (e.g. episodes.jsonl)");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--record " + record + ": " + e.getMessage());
        }
        if (Files.exists(record) && !force) {
            throw new IllegalArgumentException("--record " + record + " already exists; choose another file, or add "
                    + "--force to replace it");
        }
    }
}
