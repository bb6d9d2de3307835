package io.rlarena.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.rlarena.agent.Json;
import io.rlarena.agent.Version;
import io.rlarena.env.Plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recorded episodes as JSON lines (docs/episodes.md): a {@link Header} line, then for each
 * episode a {@link Start} line (its reset seed and first observation) followed by one
 * {@link StepLine} per step. Seeds and actions are enough to re-simulate an episode; the recorded
 * rewards, flags and observations are what re-simulation is checked against.
 */
public final class EpisodeFile {

    public static final String FORMAT = "rlarena-episodes";
    public static final int VERSION = 1;

    private EpisodeFile() {
    }

    /** Where the episodes come from: the environment (id, options, encoding) and the agent. */
    public record Header(String format, int version, String rlarenaVersion, String env, Map<String, String> envOptions,
                         String observation, String agent, String agentSha256, List<Plugin> plugins) {

        public Header {
            plugins = plugins == null ? List.of() : List.copyOf(plugins);
        }

        public static Header of(String env, Map<String, String> envOptions, String observation, String agent,
                                String agentSha256) {
            return new Header(FORMAT, VERSION, Version.VERSION, env, envOptions, observation, agent, agentSha256,
                    List.of());
        }

        /** This header, recording the plug-ins the environment came from. */
        public Header withPlugins(List<Plugin> plugins) {
            return new Header(format, version, rlarenaVersion, env, envOptions, observation, agent, agentSha256, plugins);
        }
    }

    /** The line that opens an episode: its index, the seed it was reset with and its first observation. */
    public record Start(int episode, Long seed, float[] observation) {
    }

    /** One step: the action taken and what the environment returned. */
    public record StepLine(int t, int action, double reward, boolean terminated, boolean truncated,
                           float[] observation) {
    }

    /** One episode as read back, with the file line of each step for error messages. */
    public record Episode(Start start, int startLine, List<StepLine> steps, List<Integer> stepLines) {

        public double episodeReturn() {
            return steps.stream().mapToDouble(StepLine::reward).sum();
        }
    }

    /** A whole file. */
    public record Recording(Path file, Header header, List<Episode> episodes) {
    }

    /**
     * Reads and checks a file: every line JSON of the right kind, a known format and version,
     * steps numbered 1, 2, ... inside an episode.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static Recording read(Path file) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("episode file " + file + " does not exist");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("episode file " + file + " is unreadable: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw bad(file, 1, "the file is empty; expected a header line");
        }
        Header header = as(file, 1, object(file, 1, lines.get(0)), Header.class, "format", "version", "env", "env_options",
                "observation");
        if (!FORMAT.equals(header.format())) {
            throw bad(file, 1, "format is '" + header.format() + "', expected '" + FORMAT + "': not an episode file");
        }
        if (header.version() < 1 || header.version() > VERSION) {
            throw bad(file, 1, "format version " + header.version() + " is unknown (written by rlarena "
                    + header.rlarenaVersion() + "); this rlarena " + Version.VERSION + " reads version " + VERSION
                    + (header.version() > VERSION ? ": upgrade rlarena" : ""));
        }
        List<Episode> episodes = new ArrayList<>();
        Start start = null;
        int startLine = 0;
        List<StepLine> steps = new ArrayList<>();
        List<Integer> stepLines = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonObject object = object(file, number, line);
            if (object.has("episode")) {
                if (start != null) {
                    episodes.add(new Episode(start, startLine, List.copyOf(steps), List.copyOf(stepLines)));
                }
                start = as(file, number, object, Start.class, "episode", "seed", "observation");
                startLine = number;
                steps.clear();
                stepLines.clear();
                continue;
            }
            if (start == null) {
                throw bad(file, number, "a step before any episode start line");
            }
            StepLine step = as(file, number, object, StepLine.class, "t", "action", "reward", "terminated", "truncated",
                    "observation");
            if (step.t() != steps.size() + 1) {
                throw bad(file, number, "step number " + step.t() + " where " + (steps.size() + 1) + " was expected");
            }
            steps.add(step);
            stepLines.add(number);
        }
        if (start == null) {
            throw bad(file, lines.size(), "no episode in the file");
        }
        episodes.add(new Episode(start, startLine, List.copyOf(steps), List.copyOf(stepLines)));
        return new Recording(file, header, List.copyOf(episodes));
    }

    private static JsonObject object(Path file, int line, String text) {
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw bad(file, line, "expected a JSON object, got " + Json.shorten(text));
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(file, line, "bad JSON (" + e.getMessage() + "): the file may be cut off or edited by hand");
        }
    }

    private static <T> T as(Path file, int line, JsonObject object, Class<T> type, String... keys) {
        for (String key : keys) {
            if (!object.has(key) || object.get(key).isJsonNull() && !key.equals("seed")) {
                throw bad(file, line, "missing '" + key + "' (a " + type.getSimpleName() + " line has "
                        + String.join(", ", keys) + ")");
            }
        }
        try {
            return Json.LINES.fromJson(object, type);
        } catch (RuntimeException e) { // gson's type errors, and what a record's constructor refuses
            throw bad(file, line, "a value has the wrong type or is out of range (" + (e.getMessage() != null
                    ? e.getMessage() : "null where a value is needed") + ")");
        }
    }

    /** The SHA-256 of a file in hex, identifying the agent that played the episodes. */
    public static String sha256(Path file) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static IllegalArgumentException bad(Path file, int line, String what) {
        return new IllegalArgumentException("episode file " + file + " line " + line + ": " + what);
    }
}
