package io.rlarena.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterTest {

    @Test
    void countsOnOneLineAndErasesItWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Counter counter = new Counter(new PrintStream(bytes, true, StandardCharsets.UTF_8), "episode", 100)) {
            for (int i = 1; i <= 100; i++) {
                counter.done(i);
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r  episode 1/100"), shown);
        assertTrue(shown.contains("\r  episode 100/100"), "the last count is always drawn: " + shown);
        assertTrue(shown.endsWith("\r" + " ".repeat("  episode 100/100".length()) + "\r"), "erased at the end");
        assertTrue(shown.split("\r").length < 20, "redrawn sparingly, not once per episode");
    }

    @Test
    void anUnknownTotalShowsTheCountAlone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Counter counter = new Counter(new PrintStream(bytes, true, StandardCharsets.UTF_8), "position", 0)) {
            for (int i = 1; i <= 100; i++) {
                counter.done(i);
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r  position 1\r"), shown);
        assertTrue(!shown.contains("/"), shown);
        assertTrue(shown.split("\r").length < 20, "redrawn sparingly: " + shown.split("\r").length);
    }
}
