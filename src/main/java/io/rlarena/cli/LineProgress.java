package io.rlarena.cli;

import io.rlarena.train.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/** Plain progress lines for logs and pipes: every 10% of training, and at least every 30 seconds. */
final class LineProgress implements Progress {

    private static final long MAX_SILENCE_NANOS = 30_000_000_000L;

    private final PrintWriter out;
    private final long totalSteps;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private long nextTenth;

    LineProgress(PrintWriter out, long totalSteps) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.nextTenth = Math.max(1, totalSteps / 10);
    }

    @Override
    public void update(long step, String status) {
        long now = System.nanoTime();
        if (step < nextTenth && now - lastLine < MAX_SILENCE_NANOS) {
            return;
        }
        while (nextTenth <= step) {
            nextTenth += Math.max(1, totalSteps / 10);
        }
        lastLine = now;
        double seconds = (now - start) / 1e9;
        out.printf(Locale.ROOT, "  step %,d/%,d (%3.0f%%) | %.0f steps/s | %s%n", step, totalSteps,
                100.0 * step / totalSteps, step / seconds, status);
        out.flush();
    }

    @Override
    public void note(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
