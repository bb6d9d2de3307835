package io.rlarena.envs.maze;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generator properties over many level seeds, and the BFS oracle on hand-made mazes. */
class MazeGridTest {

    private static int openCells(MazeGrid maze) {
        int open = 0;
        for (int cell = 0; cell < maze.size() * maze.size(); cell++) {
            open += maze.isWall(cell) ? 0 : 1;
        }
        return open;
    }

    private static int deadEnds(MazeGrid maze) {
        int size = maze.size();
        int deadEnds = 0;
        for (int r = 1; r < size - 1; r += 2) {
            for (int c = 1; c < size - 1; c += 2) {
                int cell = r * size + c;
                int exits = 0;
                for (int action = 0; action < 4; action++) {
                    exits += maze.move(cell, action) != cell ? 1 : 0;
                }
                deadEnds += exits == 1 ? 1 : 0;
            }
        }
        return deadEnds;
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 15, 31})
    void perfectMazesAreSpanningTreesOverTheCells(int size) {
        int n = (size - 1) / 2;
        for (long seed = 0; seed < 200; seed++) {
            MazeGrid maze = MazeGrid.generate(size, 0, false, seed);
            // n^2 cells joined by exactly n^2 - 1 openings: connected and without a loop
            assertEquals(n * n + n * n - 1, openCells(maze), "size " + size + ", seed " + seed);
            int[] distance = maze.distancesFrom(maze.start());
            for (int cell = 0; cell < distance.length; cell++) {
                assertEquals(!maze.isWall(cell), distance[cell] >= 0, "reachability of cell " + cell);
            }
            assertEquals(size + 1, maze.start());
            assertEquals(size * size - size - 2, maze.goal());
        }
    }

    @Test
    void braidingAddsLoopsAndFullBraidLeavesNoDeadEnd() {
        int n = 7;
        int loops = 0;
        for (long seed = 0; seed < 100; seed++) {
            MazeGrid braided = MazeGrid.generate(15, 0.5, false, seed);
            loops += openCells(braided) - (2 * n * n - 1);
            assertTrue(deadEnds(braided) <= deadEnds(MazeGrid.generate(15, 0, false, seed)), "seed " + seed);
            assertEquals(0, deadEnds(MazeGrid.generate(15, 1, false, seed)), "seed " + seed);
        }
        assertTrue(loops > 100, "braid 0.5 should open many loops, got " + loops);
    }

    @Test
    void aLevelSeedIsOneMazeEverywhere() {
        MazeGrid a = MazeGrid.generate(11, 0.3, true, 12345);
        MazeGrid b = MazeGrid.generate(11, 0.3, true, 12345);
        int differences = 0;
        for (int cell = 0; cell < 121; cell++) {
            assertEquals(a.isWall(cell), b.isWall(cell));
            differences += a.isWall(cell) != MazeGrid.generate(11, 0.3, true, 12346).isWall(cell) ? 1 : 0;
        }
        assertEquals(a.start(), b.start());
        assertEquals(a.goal(), b.goal());
        assertNotEquals(0, differences);
        // Java specifies SplittableRandom's sequence, so this exact maze is what every machine builds
        String level7 = render(MazeGrid.generate(7, 0, false, 7));
        assertEquals(level7, render(MazeGrid.generate(7, 0, false, 7)));
    }

    private static String render(MazeGrid maze) {
        StringBuilder text = new StringBuilder();
        for (int cell = 0; cell < maze.size() * maze.size(); cell++) {
            text.append(maze.isWall(cell) ? '#' : '.');
        }
        return text.toString();
    }

    @Test
    void bfsFindsShortestPathsInHandMadeMazes() {
        MazeGrid spiral = MazeEnvs.load("spiral_9x9");
        assertEquals(28, spiral.shortestPath());
        MazeGrid loop = MazeGrid.parse("""
                #######
                #S....#
                #.###.#
                #.....#
                #.###.#
                #....G#
                #######
                """, "loop");
        assertEquals(8, loop.shortestPath());
        int[] fromStart = loop.distancesFrom(loop.start());
        assertEquals(4, fromStart[3 * 7 + 3]);
        assertEquals(-1, fromStart[2 * 7 + 2]);
        MazeGrid corridor = MazeGrid.parse("#####\n#S.G#\n#####\n#####\n#####\n", "corridor");
        assertEquals(2, corridor.shortestPath());
        assertArrayEquals(new int[] {1, 0, 1, 1}, new int[] { // only right is open
                corridor.move(corridor.start(), 0) == corridor.start() ? 1 : 0,
                corridor.move(corridor.start(), 1) == corridor.start() ? 1 : 0,
                corridor.move(corridor.start(), 2) == corridor.start() ? 1 : 0,
                corridor.move(corridor.start(), 3) == corridor.start() ? 1 : 0});
    }

    @Test
    void badMazeFilesAreRejectedWithTheirPlace() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MazeGrid.parse("###\n#SG\n###\n", "m"))
                .getMessage().contains("border"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MazeGrid.parse("####\n#S#G\n####\n", "m"))
                .getMessage().contains("square"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MazeGrid.parse("#####\n#S#G#\n#####\n#####\n#####\n", "m")).getMessage().contains("cannot be reached"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MazeGrid.parse("###\n#x#\n###\n", "m"))
                .getMessage().contains("unknown cell 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MazeGrid.parse("#####\n#S.S#\n#..G#\n#...#\n#####\n", "m")).getMessage()
                .contains("row 2, column 4: a second start 'S'"));
        assertThrows(IllegalArgumentException.class, () -> MazeGrid.generate(8, 0, false, 1));
        assertThrows(IllegalArgumentException.class, () -> MazeEnvs.load("no_such_maze"));
    }
}
