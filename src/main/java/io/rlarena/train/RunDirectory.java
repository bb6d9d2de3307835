package io.rlarena.train;

import io.rlarena.agent.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The files of one training run: {@code config.json}, {@code metrics.csv}, {@code checkpoints/}
 * and the final {@code agent.zip}.
 */
public record RunDirectory(Path path) {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String AGENT = "agent.zip";
    public static final String BEST = "best.zip";
    public static final String EVALUATIONS = "evaluations.csv";
    public static final String CHECKPOINTS = "checkpoints";
    /** Snapshots of the agent played by the self-play opponent {@code self}, one agent file each. */
    public static final String POOL = "pool";

    /** {@code runs/ENV-ALGORITHM-seedSEED-TIMESTAMP}. */
    public static RunDirectory defaultFor(RunConfig config) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String env = config.env().replaceAll("[^A-Za-z0-9_.-]", "_");
        return new RunDirectory(Path.of("runs", env + "-" + config.algorithm() + "-seed" + config.seed() + "-" + stamp));
    }

    /** Creates the directory and writes config.json; refuses to overwrite an earlier run. */
    public void create(RunConfig config) {
        if (Files.exists(path.resolve(CONFIG))) {
            throw new IllegalArgumentException("run directory " + path + " already holds a run (" + CONFIG
                    + "); choose another --run-dir or remove that one");
        }
        try {
            Files.createDirectories(path.resolve(CHECKPOINTS));
            Json.write(path.resolve(CONFIG), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + path, e);
        }
    }

    public Path agentFile() {
        return path.resolve(AGENT);
    }

    public Path metricsFile() {
        return path.resolve(METRICS);
    }

    public Path checkpoint(long step) {
        return path.resolve(CHECKPOINTS).resolve(String.format("step-%012d.zip", step));
    }

    public Path bestFile() {
        return path.resolve(BEST);
    }

    /** The agent to evaluate: the best one found by evaluations during training, else the final {@code agent.zip}. */
    public Path finishedAgent() {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("run directory " + path + " does not exist");
        }
        if (Files.exists(bestFile())) {
            return bestFile();
        }
        if (!Files.exists(agentFile())) {
            throw new IllegalArgumentException(path + " holds no " + AGENT + ": the run did not finish "
                    + "(its checkpoints/ folder may hold partial agents for --agent-file)");
        }
        return agentFile();
    }
}
