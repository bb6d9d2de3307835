package io.rlarena.envs.maze;

import io.rlarena.env.EnvOption;
import io.rlarena.env.EnvOptions;
import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The built-in maze environment (see environments/README.md, "Mazes"). */
public final class MazeEnvs implements EnvProvider {

    @Override
    public List<EnvRegistration> environments() {
        return List.of(new EnvRegistration("Maze-v0", "Procedurally generated mazes (level sets as in procgen) or a maze file",
                List.of(new EnvOption("size", "9", "odd side length, >= 5"),
                        new EnvOption("braid", "0", "share of dead ends opened into loops, 0 (perfect maze) to 1"),
                        new EnvOption("start_goal", "corners", "corners (top-left to bottom-right) or random"),
                        new EnvOption("num_levels", "0", "number of levels in the set, 0 = unlimited"),
                        new EnvOption("start_level", "0", "first level of the set"),
                        new EnvOption("level_seed", "-1", "pin one level (>= 0); -1 draws from the set"),
                        new EnvOption("exploring_starts", "false",
                                "start each episode on a random open cell (training on large mazes)"),
                        new EnvOption("maze_file", "", "a hand-written maze: a file path, or a built-in name"),
                        new EnvOption("observation", "planes", "planes (walls, agent, goal: 3 x size x size) or window"),
                        new EnvOption("window", "5", "side of the egocentric window (walls, goal: 2 x k x k), odd")),
                MazeEnvs::maze));
    }

    static Maze maze(EnvOptions options) {
        String file = options.string("maze_file");
        MazeGrid fixed = file.isBlank() ? null : load(file);
        int size = fixed != null ? fixed.size() : options.integer("size");
        if (fixed == null && (size < 5 || size % 2 == 0)) {
            throw options.bad("size", String.valueOf(size), "an odd number >= 5");
        }
        double braid = options.number("braid");
        if (!(braid >= 0 && braid <= 1)) {
            throw options.bad("braid", options.string("braid"), "a number from 0 to 1");
        }
        String ends = options.string("start_goal");
        if (!ends.equals("corners") && !ends.equals("random")) {
            throw options.bad("start_goal", ends, "corners or random");
        }
        long numLevels = options.integer("num_levels");
        long startLevel = options.integer("start_level");
        long pinned = options.integer("level_seed");
        if (numLevels < 0 || startLevel < 0) {
            throw options.bad(numLevels < 0 ? "num_levels" : "start_level",
                    options.string(numLevels < 0 ? "num_levels" : "start_level"), "an integer >= 0");
        }
        if (pinned >= 0) {
            startLevel = pinned;
            numLevels = 1;
        }
        String observation = options.string("observation");
        int window = options.integer("window");
        if (!observation.equals("planes") && !observation.equals("window")) {
            throw options.bad("observation", observation, "planes or window");
        }
        if (window < 1 || window % 2 == 0) {
            throw options.bad("window", options.string("window"), "an odd number >= 1");
        }
        return new Maze(new EnvSpec(options.envId(), options.values(), size * size),
                new Maze.Levels(fixed, size, braid, ends.equals("random"), startLevel, numLevels,
                        options.bool("exploring_starts")),
                new Maze.View(observation.equals("window"), window));
    }

    /** A maze file by path, or a built-in one by name ({@code environments/maze/NAME.txt}). */
    static MazeGrid load(String file) {
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return MazeGrid.parse(Files.readString(path, StandardCharsets.UTF_8), file);
            }
            String resource = "/environments/maze/" + file + ".txt";
            try (InputStream in = MazeEnvs.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("maze_file " + file + ": no such file, and no built-in maze of that "
                            + "name (built-ins are in environments/maze/)");
                }
                return MazeGrid.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read maze file " + file + ": " + e);
        }
    }
}
