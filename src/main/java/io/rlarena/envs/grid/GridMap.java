package io.rlarena.envs.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gridworld map parsed from text (format: environments/README.md): {@code rows x cols} cells,
 * exactly one start {@code S}, at least one goal {@code G}.
 */
public record GridMap(String source, int rows, int cols, String cells) {

    static final String CELL_CHARS = "S.F#HGC";

    public GridMap {
        if (cells.length() != rows * cols) {
            throw new IllegalArgumentException(source + ": " + cells.length() + " cells for " + rows + "x" + cols);
        }
    }

    /** Parses map text; errors name {@code source}, the line and the column. */
    public static GridMap parse(String text, String source) {
        List<String> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (!line.isEmpty() && !line.startsWith(";")) {
                lines.add(line);
                lineNumbers.add(i + 1);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": the map has no rows (see environments/README.md for the format)");
        }
        int cols = lines.get(0).length();
        StringBuilder cells = new StringBuilder();
        for (int r = 0; r < lines.size(); r++) {
            String line = lines.get(r);
            if (line.length() != cols) {
                throw new IllegalArgumentException(source + ":" + lineNumbers.get(r) + ": row has " + line.length()
                        + " cells, the first row has " + cols + "; every row must be equally long");
            }
            for (int c = 0; c < cols; c++) {
                char cell = line.charAt(c);
                if (CELL_CHARS.indexOf(cell) < 0) {
                    throw new IllegalArgumentException(source + ":" + lineNumbers.get(r) + ":" + (c + 1) + ": unknown cell '"
                            + cell + "'; use one of S . F # H G C (see environments/README.md)");
                }
                cells.append(cell);
            }
        }
        String all = cells.toString();
        long starts = all.chars().filter(ch -> ch == 'S').count();
        if (starts != 1) {
            throw new IllegalArgumentException(source + ": the map needs exactly one start 'S', found " + starts);
        }
        if (all.indexOf('G') < 0) {
            throw new IllegalArgumentException(source + ": the map needs at least one goal 'G'");
        }
        return new GridMap(source, lines.size(), cols, all);
    }

    /** Loads a map file the user names. */
    public static GridMap load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("map file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read map file " + file + ": " + e);
        }
    }

    /** Loads a built-in map from {@code environments/gridworld/NAME.txt} inside the jar. */
    public static GridMap builtin(String name) {
        String resource = "/environments/gridworld/" + name + ".txt";
        try (InputStream in = GridMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in map " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public char cell(int row, int col) {
        return cells.charAt(row * cols + col);
    }

    public int start() {
        return cells.indexOf('S');
    }
}
