package io.rlarena.train;

import io.rlarena.agent.EpisodeStats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The run's {@code metrics.csv}: one row per finished episode. Every column but the last
 * ({@code steps_per_s}, wall-clock) is a pure function of the run's configuration and seed.
 */
final class MetricsLog implements AutoCloseable {

    static final String HEADER = "step,episode,return,length,loss,epsilon,success,steps_per_s";

    private final BufferedWriter out;

    /** A new log, or with {@code append} the continuation of an existing one (a resumed run). */
    MetricsLog(Path file, boolean append) {
        try {
            if (append && Files.exists(file)) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                return;
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Writes one row; the loss is empty when no update preceded the episode, unless training has
     * {@code diverged}: then a NaN loss is written as NaN.
     */
    void write(EpisodeStats e, double stepsPerSecond, boolean diverged) {
        try {
            out.write(String.format(Locale.ROOT, "%d,%d,%s,%d,%s,%.6f,%d,%.1f", e.step(), e.episode(),
                    number(e.episodeReturn()), e.length(), Double.isNaN(e.loss()) && !diverged ? "" : number(e.loss()),
                    e.epsilon(),
                    e.success() ? 1 : 0, stepsPerSecond));
            out.newLine();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.8g", value);
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
