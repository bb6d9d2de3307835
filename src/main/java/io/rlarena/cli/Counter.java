package io.rlarena.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line count of work done ("episode 37/100") on the terminal, for commands that run long
 * (eval, arena, replay --verify): redrawn at most every 200 ms, erased when done, and silent when
 * the output is not a terminal, so logs and scripts see only the results.
 */
final class Counter implements AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream terminal;
    private final String what;
    private final long total;
    private long lastDraw;
    private int drawnWidth;

    Counter(PrintStream terminal, String what, long total) {
        this.terminal = terminal;
        this.what = what;
        this.total = total;
    }

    /** A counter on standard error when there is a console, else one that prints nothing; {@code total} 0 if unknown. */
    static Counter onTerminal(String what, long total) {
        return new Counter(System.console() != null ? System.err : null, what, total);
    }

    void done(long count) {
        long now = System.nanoTime();
        if (terminal == null || (now - lastDraw < REDRAW_NANOS && (total <= 0 || count < total))) {
            return;
        }
        lastDraw = now;
        String line = total > 0 ? String.format(Locale.ROOT, "  %s %,d/%,d", what, count, total)
                : String.format(Locale.ROOT, "  %s %,d", what, count);
        terminal.print("\r" + line);
        drawnWidth = line.length();
        terminal.flush();
    }

    @Override
    public void close() {
        if (terminal != null && drawnWidth > 0) {
            terminal.print("\r" + " ".repeat(drawnWidth) + "\r");
            terminal.flush();
        }
    }
}
