package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.agent.SafeFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Held (and holding the writer's process id) while a process writes the run. */
    public static final String LOCK = "lock";
    private static final java.util.regex.Pattern STEP_FILE = java.util.regex.Pattern.compile("step-\\d{12}\\.zip");

    /** {@code runs/ENV-ALGORITHM-seedSEED-TIMESTAMP}. */
    public static RunDirectory defaultFor(RunConfig config) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String env = config.env().replaceAll("[^A-Za-z0-9_.-]", "_");
        return new RunDirectory(Path.of("runs", env + "-" + config.algorithm() + "-seed" + config.seed() + "-" + stamp));
    }

    /**
     * Creates the directory and writes config.json. A run directory is new or empty (but for the
     * {@link #lock} its writer already holds): anything in it (an earlier run, or unrelated files
     * that training would overwrite or prune) is refused.
     */
    public void create(RunConfig config) {
        requireNew();
        try {
            Files.createDirectories(path.resolve(CHECKPOINTS));
            Json.write(path.resolve(CONFIG), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + path, e);
        }
    }

    /**
     * Refuses a run directory that holds anything but its lock.
     *
     * @throws IllegalArgumentException naming the directory and what is in it
     */
    public void requireNew() {
        if (Files.exists(path.resolve(CONFIG))) {
            throw new IllegalArgumentException("run directory " + path + " already holds a run (" + CONFIG
                    + "); choose another --run-dir or remove that one");
        }
        List<Path> present = list(path).stream().filter(p -> !p.getFileName().toString().equals(LOCK)).toList();
        if (!present.isEmpty()) {
            throw new IllegalArgumentException("run directory " + path + " is not empty (it holds "
                    + present.stream().map(p -> p.getFileName().toString()).sorted().limit(5).toList()
                    + "); a run directory must be new or empty: choose another --run-dir");
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("run directory " + path + " is a file; choose another --run-dir");
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
            return Configs.fromJson(RunConfig.withLaterKeys(com.google.gson.JsonParser.parseString(Files.readString(file))
                    .getAsJsonObject()), RunConfig.class, file.toString());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is unreadable: " + e.getMessage());
        }
    }

    /** The checkpoint with the most steps, if any (unfinished {@code .tmp} files are not checkpoints). */
    public Optional<Path> latestCheckpoint() {
        return checkpoints().stream().max(Comparator.naturalOrder());
    }

    /** The checkpoints rlarena wrote ({@code checkpoints/step-N.zip}), oldest first. */
    List<Path> checkpoints() {
        return list(path.resolve(CHECKPOINTS)).stream().filter(p -> STEP_FILE.matcher(p.getFileName().toString()).matches())
                .sorted().toList();
    }

    /** A checkpoint to resume from, and the newer ones passed over because they are damaged. */
    public record Resumable(AgentFile.Contents checkpoint, List<String> skipped) {
    }

    /**
     * The newest checkpoint that loads and holds training state; damaged newer ones are passed
     * over (and named in {@code skipped}).
     *
     * @throws IllegalArgumentException if no checkpoint is usable
     */
    public Resumable resumableCheckpoint() {
        List<String> skipped = new ArrayList<>();
        List<Path> all = new ArrayList<>(checkpoints());
        java.util.Collections.reverse(all);
        for (Path file : all) {
            try {
                AgentFile.Contents contents = AgentFile.load(file);
                if (contents.state() == null) {
                    throw new IllegalArgumentException(file + " holds no training state");
                }
                return new Resumable(contents, skipped);
            } catch (IllegalArgumentException e) {
                skipped.add(e.getMessage());
            }
        }
        throw new IllegalArgumentException(path + " has no usable checkpoint to resume from ("
                + (all.isEmpty() ? "checkpoints/ is empty: the run stopped before its first" : String.join("; ", skipped))
                + "); train it again");
    }

    /** Holds a run directory for one writing process; {@link #close} releases it. */
    public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Locks the run directory for writing (its {@code lock} file holds the process id), so a second
     * {@code train --resume} cannot write the same run while this one does.
     *
     * @throws IllegalArgumentException naming the holder's process id if another writer holds it
     */
    public Lock lock() {
        Path file = path.resolve(LOCK);
        try {
            Files.createDirectories(path);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder = Files.readString(file).trim();
                throw new IllegalArgumentException("run directory " + path + " is being written by another rlarena "
                        + "process (PID " + (holder.isEmpty() ? "unknown" : holder) + ", lock file " + file
                        + "); wait for it to finish, or stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + path, e);
        }
    }

    /**
     * Refuses to resume when the run's {@code config.json} no longer says what the checkpoint was
     * trained with (a hand edit): every differing key is named, with both values.
     */
    static void checkSameConfig(RunConfig config, AgentFile.Contents checkpoint, Path configFile) {
        List<String> differences = new ArrayList<>();
        difference(Configs.toJson(config), RunConfig.withLaterKeys(checkpoint.config()), "", differences);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(configFile + " no longer matches the checkpoint " + checkpoint.file()
                    + ": " + String.join("; ", differences) + ". Put config.json back as it was, or start a new run "
                    + "(train --preset " + configFile + " --run-dir NEW repeats it with your changes)");
        }
    }

    private static void difference(JsonObject now, JsonObject saved, String prefix, List<String> out) {
        java.util.Set<String> keys = new java.util.TreeSet<>(now.keySet());
        keys.addAll(saved.keySet());
        for (String key : keys) {
            JsonElement a = now.get(key);
            JsonElement b = saved.get(key);
            if (a != null && b != null && a.isJsonObject() && b.isJsonObject()) {
                difference(a.getAsJsonObject(), b.getAsJsonObject(), prefix + key + ".", out);
            } else if (a == null || !a.equals(b)) {
                out.add(prefix + key + " is " + (a == null ? "missing" : Json.shorten(a.toString())) + " in config.json but "
                        + (b == null ? "missing" : Json.shorten(b.toString())) + " in the checkpoint");
            }
        }
    }

    /** The self-play snapshots in {@code pool/}, oldest first. */
    List<Path> poolSnapshots() {
        return list(path.resolve(POOL)).stream().filter(p -> STEP_FILE.matcher(p.getFileName().toString()).matches())
                .sorted().toList();
    }

    /** Episodes logged in {@code metrics.csv}. */
    long metricsRows() {
        return Math.max(0, lines(metricsFile()).size() - 1);
    }

    /**
     * The best mean return in {@code evaluations.csv} (NaN rows aside): what a later evaluation
     * must beat to become {@code best.zip}, as in the uninterrupted run.
     */
    Optional<Double> bestEvaluation() {
        return lines(path.resolve(EVALUATIONS)).stream().skip(1).map(line -> line.split(","))
                .map(fields -> Double.parseDouble(fields[1])).filter(value -> !Double.isNaN(value)).max(Double::compare);
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
            removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + path + " for resuming", e);
        }
    }

    /** Deletes the temporary files a killed process left in the run's folders. */
    void removeLeftovers() throws IOException {
        for (Path folder : List.of(path, path.resolve(CHECKPOINTS), path.resolve(POOL), path.resolve(EPISODES))) {
            SafeFiles.removeLeftovers(folder);
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
            SafeFiles.writeAtomically(csv, (kept.isEmpty() ? "" : String.join("\n", kept) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
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
