package io.rlarena.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Learning curves from run directories (docs/plots.md), the pure part that {@link CurveChart}
 * draws: each run's episode returns (metrics.csv) smoothed by a trailing moving average, runs of
 * one configuration (config.json, seed aside) interpolated onto a common grid of steps and
 * summarised by their mean and a min..max band.
 */
public final class LearningCurves {

    public static final String METRICS = "metrics.csv";
    public static final String CONFIG = "config.json";
    /** Episodes in the default moving average (the window of train's progress line). */
    public static final int DEFAULT_WINDOW = 100;
    /** Points of the common grid each configuration's runs are interpolated onto. */
    static final int GRID_POINTS = 500;

    private LearningCurves() {
    }

    /** What the horizontal axis counts. */
    public enum XAxis {
        STEPS("environment steps"), EPISODES("episodes");

        private final String label;

        XAxis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code steps} or {@code episodes}. */
        public static XAxis parse(String name) {
            for (XAxis axis : values()) {
                if (axis.name().equalsIgnoreCase(name)) {
                    return axis;
                }
            }
            throw new IllegalArgumentException("--x must be steps or episodes, got '" + name + "'");
        }
    }

    /**
     * One run's finished episodes in order: the environment step at which each ended, its number
     * (1-based) and its return; {@code config} is the run's config.json.
     */
    public record Run(JsonObject config, long[] steps, long[] episodes, double[] returns) {

        double[] x(XAxis axis) {
            return Arrays.stream(axis == XAxis.STEPS ? steps : episodes).asDoubleStream().toArray();
        }
    }

    /** One curve: the mean over {@code runs} runs and the band min..max around it (both the mean for one run). */
    public record Curve(String label, int runs, double[] x, double[] mean, double[] min, double[] max) {
    }

    /** Everything a chart shows. */
    public record Plot(String title, String xLabel, String yLabel, List<Curve> curves) {
    }

    /** Reads the runs and makes one curve per configuration, in the order the runs are given. */
    public static Plot plot(List<Path> runDirs, int window, XAxis axis) {
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException("no run directories given");
        }
        if (window < 1) {
            throw new IllegalArgumentException("--smooth must be >= 1 episode (1: no smoothing), got " + window);
        }
        Set<Path> seen = new HashSet<>();
        List<Run> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("run directory " + dir + " is given twice");
            }
            runs.add(read(dir));
        }
        List<Curve> curves = curves(runs, window, axis);
        Set<String> envs = new TreeSet<>(runs.stream().map(r -> r.config().get("env").getAsString()).toList());
        String yLabel = window == 1 ? "episode return" : "episode return (mean of the last " + window + " episodes)";
        return new Plot((curves.size() == 1 ? "Learning curve: " : "Learning curves: ") + String.join(", ", envs),
                axis.label(), yLabel, curves);
    }

    /** Groups runs by configuration (config.json without its seed) and makes each group's curve. */
    static List<Curve> curves(List<Run> runs, int window, XAxis axis) {
        Map<Map<String, String>, List<Run>> groups = new LinkedHashMap<>();
        for (Run run : runs) {
            Map<String, String> key = flatten(run.config());
            key.remove("seed");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        List<Curve> curves = new ArrayList<>();
        groups.forEach((key, group) -> curves.add(aggregate(label(key, groups.keySet(), group),
                group.stream().map(r -> r.x(axis)).toList(),
                group.stream().map(r -> smooth(r.returns(), window)).toList(), GRID_POINTS)));
        return curves;
    }

    /**
     * "ENV ALGORITHM[, KEY=VALUE...], seed S | N seeds (mean, band min..max)", naming the settings
     * in which this configuration differs from others of the same environment and algorithm.
     */
    private static String label(Map<String, String> key, Set<Map<String, String>> configs, List<Run> group) {
        List<Map<String, String>> sameBase = configs.stream().filter(c -> c.get("env").equals(key.get("env"))
                && c.get("algorithm").equals(key.get("algorithm"))).toList();
        Set<String> paths = new TreeSet<>();
        sameBase.forEach(c -> paths.addAll(c.keySet()));
        StringBuilder label = new StringBuilder(key.get("env") + " " + key.get("algorithm"));
        for (String path : paths) {
            if (sameBase.stream().map(c -> c.get(path)).distinct().count() > 1) {
                label.append(", ").append(path.substring(path.lastIndexOf('.') + 1)).append('=')
                        .append(key.getOrDefault(path, "-"));
            }
        }
        return label.append(group.size() == 1 ? ", seed " + group.get(0).config().get("seed")
                : ", " + group.size() + " seeds (mean, band min..max)").toString();
    }

    /** A JSON object as dotted paths to the text of each value (arrays kept whole). */
    static Map<String, String> flatten(JsonObject json) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", json, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonObject json, Map<String, String> flat) {
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            String path = prefix + entry.getKey();
            JsonElement value = entry.getValue();
            if (value.isJsonObject()) {
                flatten(path + ".", value.getAsJsonObject(), flat);
            } else {
                flat.put(path, value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
        }
    }

    /**
     * Trailing moving average: point i is the mean of the last {@code window} values up to i
     * (fewer at the start, where fewer exist).
     */
    public static double[] smooth(double[] values, int window) {
        double[] smoothed = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            smoothed[i] = sum / Math.min(i + 1, window);
        }
        return smoothed;
    }

    /**
     * Puts the runs' series (x non-decreasing) onto {@code points} evenly spaced x values over the
     * range all of them cover, by linear interpolation, and takes the mean, min and max at each.
     */
    static Curve aggregate(String label, List<double[]> xs, List<double[]> ys, int points) {
        double from = xs.stream().mapToDouble(x -> x[0]).max().orElseThrow();
        double to = xs.stream().mapToDouble(x -> x[x.length - 1]).min().orElseThrow();
        if (from > to) {
            throw new IllegalArgumentException("the runs of '" + label + "' share no range of steps to average over");
        }
        int n = from == to ? 1 : points;
        double[] grid = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            grid[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        for (int r = 0; r < xs.size(); r++) {
            double[] values = interpolate(xs.get(r), ys.get(r), grid);
            for (int i = 0; i < n; i++) {
                mean[i] += values[i] / xs.size();
                min[i] = Math.min(min[i], values[i]);
                max[i] = Math.max(max[i], values[i]);
            }
        }
        return new Curve(label, xs.size(), grid, mean, min, max);
    }

    /**
     * The series (x non-decreasing; at equal x the last point counts) at each grid value, linear
     * between neighbouring points; grid values lie within x's range.
     */
    static double[] interpolate(double[] x, double[] y, double[] grid) {
        double[] values = new double[grid.length];
        int i = 0;
        for (int g = 0; g < grid.length; g++) {
            while (i + 1 < x.length && x[i + 1] <= grid[g]) {
                i++;
            }
            values[g] = i + 1 == x.length || x[i] == grid[g] ? y[i]
                    : y[i] + (y[i + 1] - y[i]) * (grid[g] - x[i]) / (x[i + 1] - x[i]);
        }
        return values;
    }

    /** Reads a run directory's config.json and metrics.csv; bad input: IllegalArgumentException naming the file. */
    public static Run read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run directory " + dir + (Files.exists(dir) ? " is not a directory"
                    : " does not exist"));
        }
        for (String name : List.of(METRICS, CONFIG)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalArgumentException(dir + " is not a run directory: it has no " + name);
            }
        }
        return readMetrics(dir.resolve(METRICS), readConfig(dir.resolve(CONFIG)));
    }

    private static JsonObject readConfig(Path file) {
        JsonObject config;
        try {
            JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException(file + " is not a JSON object");
            }
            config = json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String key : List.of("env", "algorithm", "seed")) {
            if (!config.has(key) || !config.get(key).isJsonPrimitive()) {
                throw new IllegalArgumentException(file + " has no '" + key + "': not a run's config.json");
            }
        }
        return config;
    }

    /**
     * Reads metrics.csv by its header's column names. A last line without its line break is a row
     * still being written by a running (or killed) training and is left out.
     */
    private static Run readMetrics(Path file, JsonObject config) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] lines = content.split("\r?\n", -1);
        if (lines.length < 2) {
            throw new IllegalArgumentException(file + " has no complete header line");
        }
        List<String> header = List.of(lines[0].split(",", -1));
        int stepColumn = header.indexOf("step");
        int episodeColumn = header.indexOf("episode");
        int returnColumn = header.indexOf("return");
        if (stepColumn < 0 || episodeColumn < 0 || returnColumn < 0) {
            throw new IllegalArgumentException(file + " line 1: expected a header with the columns step, episode and "
                    + "return, got '" + lines[0] + "'");
        }
        int rows = lines.length - 2;
        long[] steps = new long[rows];
        long[] episodes = new long[rows];
        double[] returns = new double[rows];
        for (int r = 0; r < rows; r++) {
            int line = r + 2;
            String[] fields = lines[line - 1].split(",", -1);
            if (fields.length != header.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: expected %d fields, got %d:"
                        + " '%s'", file, line, header.size(), fields.length, lines[line - 1]));
            }
            steps[r] = whole(file, line, "step", fields[stepColumn]);
            episodes[r] = whole(file, line, "episode", fields[episodeColumn]) + 1;
            returns[r] = finite(file, line, "return", fields[returnColumn]);
            if (r > 0 && steps[r] < steps[r - 1]) {
                throw new IllegalArgumentException(file + " line " + line + ": step " + steps[r]
                        + " is before the previous row's step " + steps[r - 1]);
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException(file + " holds no finished episodes yet");
        }
        return new Run(config, steps, episodes, returns);
    }

    private static long whole(Path file, int line, String column, String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + line + ": " + column
                + " must be a whole number >= 0, got '" + text + "'");
    }

    private static double finite(Path file, int line, String column, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + line + ": " + column + " must be a finite number, got '"
                + text + "'");
    }
}
