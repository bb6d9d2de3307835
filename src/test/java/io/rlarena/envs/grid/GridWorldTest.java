package io.rlarena.envs.grid;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Step;
import io.rlarena.env.TabularModel.Transition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gridworld dynamics against transitions worked out by hand from Gymnasium's rules. */
class GridWorldTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(GridWorldTest.class.getClassLoader());

    private static GridWorld grid(String id, Map<String, String> options) {
        return (GridWorld) io.rlarena.env.Wrapper.unwrap(REGISTRY.make(id, options));
    }

    @Test
    void slipperyFrozenLakeMovesIntendedOrPerpendicularWithOneThirdEach() {
        GridWorld lake = grid("FrozenLake-v1", Map.of());
        // state 0, LEFT: up (stay at 0), left (stay at 0), down (to 4)
        assertEquals(List.of(new Transition(1 / 3.0, 0, 0, false, false), new Transition(1 / 3.0, 0, 0, false, false),
                new Transition(1 / 3.0, 4, 0, false, false)), lake.transitions(0, 0));
        // state 14, RIGHT: down (stay at 14), right (goal 15, reward 1), up (to 10)
        assertEquals(List.of(new Transition(1 / 3.0, 14, 0, false, false), new Transition(1 / 3.0, 15, 1, true, true),
                new Transition(1 / 3.0, 10, 0, false, false)), lake.transitions(14, 2));
        // state 4, RIGHT: down (8), right (hole 5), up (0)
        assertEquals(List.of(new Transition(1 / 3.0, 8, 0, false, false), new Transition(1 / 3.0, 5, 0, true, false),
                new Transition(1 / 3.0, 0, 0, false, false)), lake.transitions(4, 2));
    }

    @Test
    void slipperyStepsFollowTheTable() {
        Environment lake = REGISTRY.make("FrozenLake-v1", Map.of());
        int down = 0;
        int trials = 3000;
        lake.reset(11);
        for (int i = 0; i < trials; i++) {
            lake.reset();
            Step step = lake.step(0);
            if (step.observation()[0] == 4f) {
                down++;
            } else {
                assertEquals(0f, step.observation()[0]);
            }
        }
        assertEquals(trials / 3.0, down, 100);
    }

    @Test
    void deterministicFrozenLakeShortestPathReachesTheGoal() {
        Environment lake = REGISTRY.make("FrozenLake-v1", Map.of("is_slippery", "false"));
        assertEquals(0f, lake.reset(0).observation()[0]);
        int[] actions = {2, 2, 1, 1, 1, 2};
        int[] states = {1, 2, 6, 10, 14, 15};
        for (int i = 0; i < actions.length; i++) {
            Step step = lake.step(actions[i]);
            assertEquals(states[i], (int) step.observation()[0]);
            assertEquals(i == 5 ? 1.0 : 0.0, step.reward());
            assertEquals(i == 5, step.terminated());
        }
        assertTrue(lake.render().contains("(Right)"));
    }

    @Test
    void holesEndTheEpisodeWithoutReward() {
        Environment lake = REGISTRY.make("FrozenLake-v1", Map.of("is_slippery", "false"));
        lake.reset(0);
        lake.step(2);
        Step hole = lake.step(1); // state 1 -> down into hole 5
        assertEquals(5f, hole.observation()[0]);
        assertTrue(hole.terminated());
        assertFalse(hole.success());
        assertThrows(IllegalStateException.class, () -> lake.step(0));
    }

    @Test
    void cliffWalkingCostsOnePerStepAndAHundredForTheCliff() {
        Environment cliff = REGISTRY.make("CliffWalking-v0", Map.of());
        assertEquals(0, cliff.spec().maxEpisodeSteps());
        assertEquals(36f, cliff.reset(0).observation()[0]);
        Step fall = cliff.step(1); // right, into the cliff
        assertEquals(-100.0, fall.reward());
        assertEquals(36f, fall.observation()[0]);
        assertFalse(fall.done());
        Step up = cliff.step(0);
        assertEquals(24f, up.observation()[0]);
        assertEquals(-1.0, up.reward());
        for (int i = 0; i < 11; i++) {
            assertEquals(-1.0, cliff.step(1).reward());
        }
        Step goal = cliff.step(2); // down from 35 to the goal 47
        assertEquals(47f, goal.observation()[0]);
        assertEquals(-1.0, goal.reward());
        assertTrue(goal.terminated());
        assertTrue(goal.success());
    }

    @Test
    void wallsBlockMovesInFourRooms() {
        GridWorld rooms = grid("FourRooms-v0", Map.of());
        int start = rooms.initialState();
        assertEquals(13 + 1, start);
        assertEquals(start, rooms.transitions(start, 3).get(0).nextState()); // up into the wall
        assertEquals(start, rooms.transitions(start, 0).get(0).nextState()); // left into the wall
        assertEquals(start + 1, rooms.transitions(start, 2).get(0).nextState());
    }

    @Test
    void mapFilesAreValidatedWithLineNumbers() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> GridMap.parse("; c\nS..\n.G\n", "m.txt"));
        assertTrue(ragged.getMessage().startsWith("m.txt:3:"), ragged.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GridMap.parse("S.x\n..G\n", "m.txt"));
        assertTrue(unknown.getMessage().contains("m.txt:1:3") && unknown.getMessage().contains("'x'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridMap.parse("...\n..G\n", "m.txt"));
        assertThrows(IllegalArgumentException.class, () -> GridMap.parse("S..\n...\n", "m.txt"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("GridWorld-v0", Map.of()));
        assertTrue(missing.getMessage().contains("map_file"), missing.getMessage());
    }

    @Test
    void customMapsUseTheGivenRewards() throws Exception {
        java.nio.file.Path map = java.nio.file.Files.createTempFile("map", ".txt");
        java.nio.file.Files.writeString(map, "SHG\n");
        Environment env = REGISTRY.make("GridWorld-v0", Map.of("map_file", map.toString(), "hole_reward", "-5"));
        assertEquals(12, env.spec().maxEpisodeSteps());
        env.reset(0);
        Step hole = env.step(2);
        assertEquals(-5.0, hole.reward());
        assertTrue(hole.terminated());
    }
}
