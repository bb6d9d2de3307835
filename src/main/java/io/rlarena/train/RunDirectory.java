package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.agent.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    /** Greedy episodes recorded during training ({@code record_every}), for {@code rlarena replay}. */
    public static final String EPISODES = "episodes";

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
        return path.resolve(CHECKPOINTS).resolve(stepFile(step, ".zip"));
    }

    /** The self-play snapshot taken at {@code step}. */
    public Path poolSnapshot(long step) {
        return path.resolve(POOL).resolve(stepFile(step, ".zip"));
    }

    /** The greedy episode recorded at {@code step}. */
    public Path recordedEpisode(long step) {
        return path.resolve(EPISODES).resolve(stepFile(step, ".jsonl"));
    }

    private static String stepFile(long step, String extension) {
        return String.format("step-%012d%s", step, extension);
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

    /**
     * The run's configuration, read back from {@code config.json}.
     *
     * @throws IllegalArgumentException if this is no run directory or the file is unreadable
     */
    public RunConfig readConfig() {
        Path file = path.resolve(CONFIG);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(path + " is not a run directory (no " + CONFIG + ")");
        }
        try {
            return Configs.fromJson(com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject(),
                    RunConfig.class, file.toString());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is unreadable: " + e.getMessage());
        }
    }

    /** The checkpoint with the most steps, if any (unfinished {@code .tmp} files are not checkpoints). */
    public Optional<Path> latestCheckpoint() {
        return list(path.resolve(CHECKPOINTS)).stream().filter(p -> p.getFileName().toString().endsWith(".zip"))
                .max(Comparator.naturalOrder());
    }

    /** The self-play snapshots in {@code pool/}, oldest first. */
    List<Path> poolSnapshots() {
        return list(path.resolve(POOL)).stream().filter(p -> p.getFileName().toString().endsWith(".zip")).sorted()
                .toList();
    }

    /** Episodes logged in {@code metrics.csv}. */
    long metricsRows() {
        return Math.max(0, lines(metricsFile()).size() - 1);
    }

    /** The best mean return of {@code evaluations.csv} whose agent {@code best.zip} still holds. */
    Optional<Double> bestEvaluation() {
        if (!Files.exists(bestFile())) {
            return Optional.empty();
        }
        return lines(path.resolve(EVALUATIONS)).stream().skip(1).map(line -> line.split(","))
                .map(fields -> Double.parseDouble(fields[1])).max(Double::compare);
    }

    /**
     * Before resuming at {@code step}: drops what an interrupted run wrote after it (metrics and
     * evaluation rows, a cut-off last line, self-play snapshots, a later {@code best.zip}) and any
     * half-written temporary file, each file rewritten atomically.
     */
    void dropAfter(long step) {
        keepRowsUpTo(metricsFile(), step);
        keepRowsUpTo(path.resolve(EVALUATIONS), step);
        try {
            for (Path snapshot : poolSnapshots()) {
                if (stepOf(snapshot) > step) {
                    Files.delete(snapshot);
                }
            }
            if (Files.exists(bestFile()) && AgentFile.load(bestFile()).manifest().steps() > step) {
                Files.delete(bestFile());
            }
            for (Path folder : List.of(path, path.resolve(CHECKPOINTS), path.resolve(POOL))) {
                for (Path file : list(folder)) {
                    if (file.getFileName().toString().endsWith(".tmp")) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + path + " for resuming", e);
        }
    }

    private static long stepOf(Path stepFile) {
        return Long.parseLong(stepFile.getFileName().toString().replaceAll("\\D", ""));
    }

    /** Keeps the header and the complete rows whose first column (the step) is at most {@code step}. */
    private static void keepRowsUpTo(Path csv, long step) {
        if (!Files.exists(csv)) {
            return;
        }
        try {
            String text = Files.readString(csv);
            List<String> rows = new ArrayList<>(List.of(text.split("\n", -1)));
            rows.remove(rows.size() - 1); // after the last line break: empty, or a row the kill cut off
            List<String> kept = new ArrayList<>(rows.subList(0, Math.min(1, rows.size())));
            for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (Long.parseLong(row.substring(0, row.indexOf(','))) <= step) {
                    kept.add(row);
                }
            }
            Path temp = csv.resolveSibling(csv.getFileName() + ".tmp");
            Files.writeString(temp, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
            Files.move(temp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + csv + " to resume: " + e.getMessage());
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
