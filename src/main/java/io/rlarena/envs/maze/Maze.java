package io.rlarena.envs.maze;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.SeededEnvironment;
import io.rlarena.env.Reset;
import io.rlarena.env.Space;
import io.rlarena.env.Step;

import java.util.Map;

/**
 * {@code Maze-v0}: reach the goal of a maze drawn from a level set (procgen's semantics), a pinned
 * level, or a hand-written file. Actions 0 up, 1 right, 2 down, 3 left; walking into a wall is a
 * legal move that stays put. Reward {@value #STEP_REWARD} per step, {@value #GOAL_REWARD} for the
 * step onto the goal, which ends the episode. The final step's info holds {@code success} and
 * {@code optimal_steps} (the BFS shortest path of the level).
 */
public final class Maze extends SeededEnvironment implements Drawable {

    public static final double STEP_REWARD = -0.01;
    public static final double GOAL_REWARD = 1.0;

    /**
     * Where mazes come from: a fixed maze, or levels {@code startLevel .. startLevel + numLevels - 1}
     * (0: unbounded). With {@code exploringStarts} each episode starts on a uniformly drawn open
     * cell other than the goal instead of the level's start (exploring starts, for training on
     * mazes too large for random exploration to cross).
     */
    public record Levels(MazeGrid fixed, int size, double braid, boolean randomEnds, long startLevel, long numLevels,
                         boolean exploringStarts) {
    }

    /** How the agent sees the maze: full planes (walls, agent, goal) or an egocentric window (walls, goal). */
    public record View(boolean egocentric, int window) {
    }

    private static final Discrete ACTIONS = new Discrete(4);

    private final EnvSpec spec;
    private final Levels levels;
    private final View view;
    private final Box observationSpace;
    private MazeGrid maze;
    private long level;
    private int agent;
    private int optimalSteps;
    private boolean[] visited;
    private boolean over = true;

    public Maze(EnvSpec spec, Levels levels, View view) {
        this.spec = spec;
        this.levels = levels;
        this.view = view;
        int size = levels.fixed() != null ? levels.fixed().size() : levels.size();
        this.observationSpace = view.egocentric()
                ? Box.of(0f, 1f, 2, view.window(), view.window())
                : Box.of(0f, 1f, 3, size, size);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return ACTIONS;
    }

    /** The maze of the current episode. */
    public MazeGrid maze() {
        return maze;
    }

    /** The level (seed) of the current episode; -1 for a fixed maze file. */
    public long level() {
        return level;
    }

    @Override
    public Reset reset() {
        if (levels.fixed() != null) {
            level = -1;
            maze = levels.fixed();
        } else {
            level = levels.numLevels() == 0
                    ? random().nextLong(levels.startLevel(), Long.MAX_VALUE)
                    : levels.startLevel() + random().nextLong(levels.numLevels());
            maze = MazeGrid.generate(levels.size(), levels.braid(), levels.randomEnds(), level);
        }
        agent = levels.exploringStarts() ? randomOpenCell() : maze.start();
        optimalSteps = maze.distancesFrom(agent)[maze.goal()];
        visited = new boolean[maze.size() * maze.size()];
        visited[agent] = true;
        over = false;
        return new Reset(observation(), Map.of("level", level, "optimal_steps", optimalSteps));
    }

    /** A uniformly drawn cell from which the goal is reachable, other than the goal. */
    private int randomOpenCell() {
        int[] toGoal = maze.distancesFrom(maze.goal());
        while (true) {
            int cell = random().nextInt(toGoal.length);
            if (toGoal[cell] > 0) {
                return cell;
            }
        }
    }

    @Override
    public Step step(int action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("maze action must be 0 up, 1 right, 2 down or 3 left, got " + action);
        }
        if (over) {
            throw new IllegalStateException("the maze is solved: call reset() before step()");
        }
        agent = maze.move(agent, action);
        visited[agent] = true;
        over = agent == maze.goal();
        Map<String, Object> info = over ? Map.of("success", true, "optimal_steps", optimalSteps) : Map.of();
        return new Step(observation(), over ? GOAL_REWARD : STEP_REWARD, over, false, info);
    }

    private float[] observation() {
        int size = maze.size();
        if (!view.egocentric()) {
            float[] planes = new float[3 * size * size];
            for (int cell = 0; cell < size * size; cell++) {
                planes[cell] = maze.isWall(cell) ? 1f : 0f;
            }
            planes[size * size + agent] = 1f;
            planes[2 * size * size + maze.goal()] = 1f;
            return planes;
        }
        int k = view.window();
        float[] window = new float[2 * k * k];
        int row = agent / size - k / 2;
        int col = agent % size - k / 2;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int r = row + i;
                int c = col + j;
                boolean inside = r >= 0 && r < size && c >= 0 && c < size;
                window[i * k + j] = !inside || maze.isWall(r * size + c) ? 1f : 0f;
                window[k * k + i * k + j] = inside && r * size + c == maze.goal() ? 1f : 0f;
            }
        }
        return window;
    }

    /** The maze as text: {@code #} wall, {@code @} agent, {@code G} goal, {@code .} visited, blank open. */
    /** Walls, the path walked so far, the goal and the agent. */
    @Override
    public Drawing draw() {
        int size = maze.size();
        Drawing.Builder drawing = new Drawing.Builder(size, size, "#fafafa");
        for (int cell = 0; cell < size * size; cell++) {
            int r = cell / size;
            int c = cell % size;
            String fill = maze.isWall(cell) ? "#37474f" : cell == maze.goal() ? "#66bb6a" : visited[cell] ? "#ffe082"
                    : "#fafafa";
            drawing.add(new Drawing.Rect(c, r, 1, 1, fill, null));
        }
        drawing.add(new Drawing.Circle(agent % size + 0.5, agent / size + 0.5, 0.35, "#1e88e5", "#0d47a1"));
        return drawing.key("#37474f", "wall").key("#ffe082", "path so far").key("#66bb6a", "goal")
                .key("#1e88e5", "agent").build();
    }

    @Override
    public String render() {
        int size = maze.size();
        StringBuilder text = new StringBuilder();
        text.append(level < 0 ? "fixed maze" : "level " + level).append(", shortest path ").append(optimalSteps)
                .append('\n');
        for (int cell = 0; cell < size * size; cell++) {
            char ch = cell == agent ? '@' : cell == maze.goal() ? 'G' : maze.isWall(cell) ? '#' : visited[cell] ? '.' : ' ';
            text.append(ch);
            if (cell % size == size - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
