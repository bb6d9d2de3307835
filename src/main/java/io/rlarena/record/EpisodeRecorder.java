package io.rlarena.record;

import io.rlarena.agent.Json;
import io.rlarena.agent.SafeFiles;
import io.rlarena.env.Environment;
import io.rlarena.env.Reset;
import io.rlarena.env.Step;
import io.rlarena.env.Wrapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wrapper that records every episode played through it into an {@link EpisodeFile}. Lines go
 * to a temporary file beside the target, which replaces the target only on {@link #close()}: an
 * interrupted recording never leaves a half-written episode file behind.
 */
public final class EpisodeRecorder extends Wrapper {

    private final Path file;
    private final Path temp;
    private final BufferedWriter out;
    private int episodes;
    private int t;
    private boolean finished;

    /**
     * Records into {@code file}, which is written (replaced if it exists) only by {@link #finish}:
     * closing an unfinished recorder (an evaluation that failed) leaves {@code file} as it was.
     */
    public EpisodeRecorder(Environment env, Path file, EpisodeFile.Header header) {
        super(env);
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + SafeFiles.TEMP_SUFFIX);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the episode file " + file + ": " + e.getMessage());
        }
        write(header);
    }

    @Override
    public Reset reset(long seed) {
        Reset reset = super.reset(seed);
        start(seed, reset);
        return reset;
    }

    @Override
    public Reset reset() {
        Reset reset = super.reset();
        start(null, reset);
        return reset;
    }

    private void start(Long seed, Reset reset) {
        write(new EpisodeFile.Start(episodes++, seed, reset.observation()));
        t = 0;
    }

    @Override
    public Step step(int action) {
        Step step = super.step(action);
        write(new EpisodeFile.StepLine(++t, action, step.reward(), step.terminated(), step.truncated(),
                step.observation()));
        return step;
    }

    private void write(Object line) {
        try {
            out.write(Json.LINES.toJson(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the episode file " + temp, e);
        }
    }

    /** Finishes the file (the temporary file forced to disk and renamed onto the target), leaving the environment open. */
    public void finish() {
        try {
            out.close();
            finished = true;
            SafeFiles.moveIntoPlace(temp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the episode file " + file, e);
        }
    }

    /** Closes the environment; an unfinished recording is discarded and the target file left as it was. */
    @Override
    public void close() {
        try {
            if (!finished) {
                out.close();
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard the episode file " + temp, e);
        } finally {
            super.close();
        }
    }
}
