package io.rlarena.envs.maze;

import io.rlarena.agent.Policy;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Step;
import io.rlarena.env.Wrapper;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MazeTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(MazeTest.class.getClassLoader());
    private static final String SMALL = """
            #####
            #S..#
            #.#.#
            #..G#
            #####
            """;

    private static Environment make(Map<String, String> options) {
        return REGISTRY.make("Maze-v0", options);
    }

    private static Maze bare(Environment env) {
        return (Maze) Wrapper.unwrap(env);
    }

    @Test
    void exploringStartsVisitEveryOpenCellButTheGoalAndKeepTheMaze() {
        Environment env = make(Map.of("level_seed", "7", "exploring_starts", "true"));
        env.reset(5);
        MazeGrid grid = bare(env).maze();
        int[] toGoal = grid.distancesFrom(grid.goal());
        Set<Integer> starts = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            float[] planes = env.reset().observation();
            assertEquals(grid.goal(), bare(env).maze().goal(), "the level stays pinned");
            int agent = -1;
            for (int cell = 0; cell < 81; cell++) {
                if (planes[81 + cell] == 1f) {
                    agent = cell;
                }
            }
            assertTrue(toGoal[agent] > 0, "start " + agent + " must be an open cell other than the goal");
            starts.add(agent);
        }
        long open = java.util.Arrays.stream(toGoal).filter(d -> d > 0).count();
        assertEquals(open, starts.size(), "every open cell is drawn as a start");
        int agentCell = -1;
        Environment fixed = make(Map.of("level_seed", "7"));
        float[] first = fixed.reset(5).observation();
        for (int cell = 0; cell < 81; cell++) {
            agentCell = first[81 + cell] == 1f ? cell : agentCell;
        }
        assertEquals(grid.start(), agentCell, "without the option episodes start at the level's start");
    }

    @Test
    void levelSetsFollowProcgen() {
        Environment env = make(Map.of("num_levels", "5", "start_level", "100"));
        env.reset(1);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            env.reset();
            seen.add(bare(env).level());
        }
        assertEquals(Set.of(100L, 101L, 102L, 103L, 104L), seen);
        Environment pinned = make(Map.of("level_seed", "42", "num_levels", "5"));
        pinned.reset(1);
        pinned.reset();
        assertEquals(42L, bare(pinned).level());
        Environment unlimited = make(Map.of("start_level", "1000000"));
        unlimited.reset(3);
        assertTrue(bare(unlimited).level() >= 1_000_000);
        assertEquals(81, unlimited.spec().maxEpisodeSteps());
    }

    @Test
    void planesShowWallsAgentAndGoal() throws Exception {
        Environment env = make(Map.of("maze_file", smallMazeFile()));
        float[] planes = env.reset(0).observation();
        float[] walls = {
            1, 1, 1, 1, 1,
            1, 0, 0, 0, 1,
            1, 0, 1, 0, 1,
            1, 0, 0, 0, 1,
            1, 1, 1, 1, 1};
        float[] agent = new float[25];
        agent[6] = 1;
        float[] goal = new float[25];
        goal[18] = 1;
        assertArrayEquals(concat(walls, agent, goal), planes);
        Step intoWall = env.step(0); // up: wall, stays
        assertArrayEquals(planes, intoWall.observation());
        assertEquals(Maze.STEP_REWARD, intoWall.reward());
        env.step(1);
        env.step(1);
        env.step(2);
        Step last = env.step(2);
        assertTrue(last.terminated());
        assertEquals(Maze.GOAL_REWARD, last.reward());
        assertEquals(4, last.info().get("optimal_steps"));
        assertTrue(last.success());
        assertTrue(env.render().contains("#..@#") || env.render().contains("@"), env.render());
    }

    @Test
    void theWindowIsEgocentricWithWallsBeyondTheBorder() throws Exception {
        Environment env = make(Map.of("maze_file", smallMazeFile(), "observation", "window", "window", "5"));
        float[] window = env.reset(0).observation(); // agent at (1,1): the window spans rows/cols -1..3
        float[] walls = {
            1, 1, 1, 1, 1,
            1, 1, 1, 1, 1,
            1, 1, 0, 0, 0,
            1, 1, 0, 1, 0,
            1, 1, 0, 0, 0};
        float[] goal = new float[25];
        goal[4 * 5 + 4] = 1; // goal (3,3) is two down, two right of the centre
        assertArrayEquals(concat(walls, goal), window);
    }

    @Test
    void renderShowsTheVisitedCells() {
        Environment env = make(Map.of("maze_file", "spiral_9x9"));
        env.reset(0);
        env.step(1);
        env.step(1);
        String text = env.render();
        assertTrue(text.startsWith("fixed maze, shortest path 28\n"), text);
        assertTrue(text.contains("#..@"), text);
        assertTrue(text.contains("G"), text);
    }

    @Test
    void aBfsPolicyHasPathRatioOne() {
        Environment env = make(Map.of("size", "15", "braid", "0.5", "start_goal", "random", "num_levels", "20"));
        Policy bfs = (observation, mask) -> {
            MazeGrid maze = bare(env).maze();
            int size = maze.size();
            int agent = 0;
            while (observation[size * size + agent] == 0f) {
                agent++;
            }
            int[] toGoal = maze.distancesFrom(maze.goal());
            for (int action = 0; action < 4; action++) {
                int next = maze.move(agent, action);
                if (toGoal[next] == toGoal[agent] - 1) {
                    return action;
                }
            }
            throw new AssertionError("no step towards the goal");
        };
        EvalResult result = Evaluator.evaluate(env, bfs, 30, 5);
        assertEquals(1.0, result.successRate());
        assertEquals(1.0, result.meanPathRatio(), 1e-12);
        EvalResult dawdling = Evaluator.evaluate(env, (o, m) -> bfs.act(o, m) == 0 ? 0 : bfs.act(o, m), 3, 5);
        assertEquals(1.0, dawdling.meanPathRatio(), 1e-12);
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("size", "8"))).getMessage()
                .contains("size=8"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("braid", "2"))).getMessage()
                .contains("braid=2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("start_goal", "middle")))
                .getMessage().contains("corners or random"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("observation", "pixels")))
                .getMessage().contains("planes or window"));
        assertFalse(make(Map.of()).spec().options().isEmpty());
    }

    private static String smallMazeFile() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("maze", ".txt");
        java.nio.file.Files.writeString(file, SMALL);
        return file.toString();
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
