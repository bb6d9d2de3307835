package io.rlarena.agent;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.ObservationEncoding;
import io.rlarena.env.Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A saved agent: a zip holding {@code manifest.json} (what it is), {@code config.json} (the run
 * configuration that trained it) and {@code model.zip} (the network in DL4J's format). No Java
 * serialization. Written to a temporary file first and renamed, so a crash never leaves a
 * half-written agent under the final name.
 */
public final class AgentFile {

    public static final String FORMAT = "rlarena-agent";
    public static final int FORMAT_VERSION = 1;

    private static final String MANIFEST = "manifest.json";
    private static final String CONFIG = "config.json";
    private static final String MODEL = "model.zip";
    /** In checkpoints only: the learner's state beyond the network ({@link Learner#writeState}). */
    private static final String STATE = "state.bin";
    private static final List<String> ENTRIES = List.of(MANIFEST, CONFIG, MODEL, STATE);
    private static final int MAX_JSON_BYTES = 1 << 20;
    /** How many times its file's size a binary entry may inflate to (older files deflated the model and state). */
    static final long MAX_INFLATION = 64;

    private AgentFile() {
    }

    /** The environment an agent was trained on: id (or class name) and every option. */
    public record EnvRef(String id, Map<String, String> options) {
    }

    /** What an agent file says about itself; {@code plugins}: where its environment came from (none for built-ins). */
    public record Manifest(String format, int formatVersion, String rlarenaVersion, String algorithm, EnvRef env,
                           String observation, long seed, long steps, List<Plugin> plugins) {

        public Manifest {
            plugins = plugins == null ? List.of() : List.copyOf(plugins);
        }

        public static Manifest of(String algorithm, EnvRef env, String observation, long seed, long steps) {
            return new Manifest(FORMAT, FORMAT_VERSION, Version.VERSION, algorithm, env, observation, seed, steps,
                    List.of());
        }

        /** This manifest, recording the plug-ins its environment came from. */
        public Manifest withPlugins(List<Plugin> plugins) {
            return new Manifest(format, formatVersion, rlarenaVersion, algorithm, env, observation, seed, steps, plugins);
        }
    }

    /** A loaded file; {@code state} is null except in checkpoints. */
    public record Contents(Path file, Manifest manifest, JsonObject config, byte[] model, byte[] state) {

        /**
         * The greedy policy of the saved network.
         *
         * @throws IllegalArgumentException naming the file if the algorithm is unknown or the model unreadable
         */
        public Policy policy() {
            try {
                return Algorithms.get(manifest.algorithm()).policyLoader().apply(model);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("agent file " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * The environment the agent was trained on (its id and options from the manifest, from
         * the built-in and class-path environments), wrapped in the agent's observation encoding:
         * its observations are what {@link #policy()} takes.
         *
         * @throws IllegalArgumentException naming the file if that environment cannot be made here
         */
        public Environment environment() {
            return environment(EnvRegistry.load());
        }

        /** {@link #environment()} from {@code registry} (with plug-ins, say). */
        public Environment environment(EnvRegistry registry) {
            Environment env = registry.make(manifest.env().id(), manifest.env().options(), "agent file " + file);
            return ObservationEncoding.apply(env, manifest.observation());
        }

        /**
         * The greedy policy, checked to fit {@code env} (as the agent sees it: wrapped in its
         * encoding) before anything starts.
         *
         * @throws IllegalArgumentException naming the file, what the agent was trained on, and the mismatch
         */
        public Policy policyFor(Environment env) {
            return policyFor(env.spec().id(), env.observationSpace().flatSize(), env.actionSpace().n());
        }

        /**
         * The greedy policy, checked to take {@code observationValues} values and score {@code actions}
         * actions, as {@code envId} gives them.
         */
        public Policy policyFor(String envId, int observationValues, int actions) {
            Policy policy = policy();
            boolean[] all = new boolean[actions];
            java.util.Arrays.fill(all, true);
            try {
                policy.act(new float[observationValues], all);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("agent file " + file + " was trained on " + manifest.env().id() + " "
                        + new java.util.TreeMap<>(manifest.env().options()) + " and does not fit " + envId + ": "
                        + e.getMessage(), e);
            }
            return policy;
        }

        /**
         * Refuses an agent trained on another environment than {@code envId}.
         *
         * @throws IllegalArgumentException naming the file and both ids
         */
        public void requireEnv(String envId) {
            if (!manifest.env().id().equals(envId)) {
                throw new IllegalArgumentException("agent file " + file + " is an agent for " + manifest.env().id()
                        + ", not " + envId + "; give an agent trained on " + envId + " (or --env "
                        + manifest.env().id() + ")");
            }
        }
    }

    public static void save(Path file, Manifest manifest, JsonObject config, byte[] model) {
        save(file, manifest, config, model, null);
    }

    /**
     * Saves an agent file, with the learner's {@code state} too when not null (a checkpoint to
     * resume from), atomically ({@link SafeFiles}). The model (itself a zip) and the state are
     * stored uncompressed, so a reader can bound what each entry may inflate to by the file's size.
     */
    public static void save(Path file, Manifest manifest, JsonObject config, byte[] model, byte[] state) {
        try {
            SafeFiles.writeAtomically(file, out -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    putEntry(zip, MANIFEST, Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8), false);
                    putEntry(zip, CONFIG, Json.GSON.toJson(config).getBytes(StandardCharsets.UTF_8), false);
                    putEntry(zip, MODEL, model, true);
                    if (state != null) {
                        putEntry(zip, STATE, state, true);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write agent file " + file, e);
        }
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Loads an agent file. Only the entries rlarena writes are accepted, and none may inflate
     * beyond what rlarena could have written into a file of this size (JSON entries 1 MiB; the
     * model and the state, stored uncompressed by this version, {@value #MAX_INFLATION} times the
     * file, for the deflated entries of older files), so a small file cannot allocate gigabytes.
     *
     * @throws IllegalArgumentException naming the file and what is wrong, for a missing,
     *                                  truncated, corrupted, foreign, oversized or newer-format file
     */
    public static Contents load(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long size = Files.size(file);
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!ENTRIES.contains(entry.getName())) {
                    throw damaged(file, "it holds an entry '" + Json.shorten(entry.getName())
                            + "' that rlarena does not write (an agent file holds only " + String.join(", ", ENTRIES) + ")");
                }
            }
            Manifest manifest = readManifest(zip, file);
            JsonObject config = Json.GSON.fromJson(new String(entry(zip, file, CONFIG, MAX_JSON_BYTES),
                    StandardCharsets.UTF_8), JsonObject.class);
            if (config == null) {
                throw damaged(file, CONFIG + " is empty");
            }
            long maxBinary = Math.min(Integer.MAX_VALUE - 8L, MAX_INFLATION * size + (1 << 20));
            byte[] model = entry(zip, file, MODEL, maxBinary);
            byte[] stateBytes = zip.getEntry(STATE) == null ? null : entry(zip, file, STATE, maxBinary);
            return new Contents(file, manifest, config, model, stateBytes);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("agent file " + file + " does not exist");
        } catch (ZipException e) {
            throw damaged(file, "not a readable zip: " + e.getMessage());
        } catch (JsonParseException e) {
            throw damaged(file, "bad JSON: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // what a record's constructor refuses, wrapped by gson
            throw damaged(file, "bad manifest.json: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (IOException e) {
            throw damaged(file, e.toString());
        }
    }

    private static Manifest readManifest(ZipFile zip, Path file) throws IOException {
        Manifest manifest = Json.GSON.fromJson(new String(entry(zip, file, MANIFEST, MAX_JSON_BYTES),
                StandardCharsets.UTF_8), Manifest.class);
        if (manifest == null || !FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException(file + " is not an rlarena agent file (manifest.json format is "
                    + (manifest == null ? "missing" : "'" + Json.shorten(String.valueOf(manifest.format())) + "'")
                    + ", expected '" + FORMAT + "')");
        }
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " was written by a newer rlarena (" + manifest.rlarenaVersion()
                    + ", agent format " + manifest.formatVersion() + "); this rlarena " + Version.VERSION
                    + " reads agent format " + FORMAT_VERSION + " and older: upgrade rlarena to load it");
        }
        if (manifest.formatVersion() < 1 || manifest.algorithm() == null || manifest.env() == null
                || manifest.env().id() == null || manifest.env().options() == null || manifest.observation() == null) {
            throw damaged(file, "manifest.json lacks format_version, algorithm, env (id and options) or observation");
        }
        if (manifest.steps() < 0) {
            throw damaged(file, "manifest.json: steps is " + manifest.steps() + ", expected 0 or more");
        }
        return manifest;
    }

    private static byte[] entry(ZipFile zip, Path file, String name, long maxBytes) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw damaged(file, "it has no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            if (data.length > maxBytes) {
                throw damaged(file, name + " inflates to more than " + maxBytes + " bytes, more than rlarena writes "
                        + "into a file of this size (a zip bomb?)");
            }
            return data;
        }
    }

    private static IllegalArgumentException damaged(Path file, String what) {
        return new IllegalArgumentException("agent file " + file + " is damaged or truncated (" + what + "); "
                + "use another copy, a checkpoint from the run's checkpoints/ folder, or train again");
    }
}
