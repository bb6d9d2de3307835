package io.rlarena.envs.maze;

import io.rlarena.env.RestorableRandom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One maze: a {@code size x size} grid of wall and open cells with a start and a goal, generated
 * from a level seed or parsed from text. Generation uses only {@link RandomGenerator}, whose
 * sequence Java specifies exactly, so a level seed gives the same maze on every machine.
 */
public final class MazeGrid {

    private static final int[][] MOVES = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}}; // up, right, down, left

    private final int size;
    private final boolean[] wall;
    private final int start;
    private final int goal;

    MazeGrid(int size, boolean[] wall, int start, int goal) {
        this.size = size;
        this.wall = wall;
        this.start = start;
        this.goal = goal;
    }

    /**
     * A maze from {@code levelSeed}: a perfect maze by the recursive backtracker on the
     * {@code (size-1)/2}-squared cells at odd coordinates, then a {@code braid} share of its dead
     * ends opened into loops; start and goal in opposite corners or at random open cells.
     */
    public static MazeGrid generate(int size, double braid, boolean randomEnds, long levelSeed) {
        if (size < 5 || size % 2 == 0) {
            throw new IllegalArgumentException("maze size must be odd and >= 5, got " + size);
        }
        if (!(braid >= 0 && braid <= 1)) {
            throw new IllegalArgumentException("maze braid must be in [0, 1], got " + braid);
        }
        RandomGenerator rng = new RestorableRandom(levelSeed);
        boolean[] wall = new boolean[size * size];
        Arrays.fill(wall, true);
        carve(size, wall, rng);
        if (braid > 0) {
            braid(size, wall, braid, rng);
        }
        int start = index(size, 1, 1);
        int goal = index(size, size - 2, size - 2);
        if (randomEnds) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < wall.length; i++) {
                if (!wall[i]) {
                    open.add(i);
                }
            }
            start = open.remove(rng.nextInt(open.size()));
            goal = open.get(rng.nextInt(open.size()));
        }
        return new MazeGrid(size, wall, start, goal);
    }

    /** Iterative depth-first search from cell (1, 1), knocking out the wall to each new cell. */
    private static void carve(int size, boolean[] wall, RandomGenerator rng) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        int first = index(size, 1, 1);
        wall[first] = false;
        stack.push(first);
        int[] candidates = new int[4];
        while (!stack.isEmpty()) {
            int cell = stack.peek();
            int r = cell / size;
            int c = cell % size;
            int count = 0;
            for (int d = 0; d < 4; d++) {
                int nr = r + 2 * MOVES[d][0];
                int nc = c + 2 * MOVES[d][1];
                if (nr > 0 && nr < size - 1 && nc > 0 && nc < size - 1 && wall[index(size, nr, nc)]) {
                    candidates[count++] = d;
                }
            }
            if (count == 0) {
                stack.pop();
                continue;
            }
            int d = candidates[rng.nextInt(count)];
            wall[index(size, r + MOVES[d][0], c + MOVES[d][1])] = false;
            int next = index(size, r + 2 * MOVES[d][0], c + 2 * MOVES[d][1]);
            wall[next] = false;
            stack.push(next);
        }
    }

    /** Opens each dead end with probability {@code braid} into a neighbouring cell (preferring another dead end). */
    private static void braid(int size, boolean[] wall, double braid, RandomGenerator rng) {
        for (int r = 1; r < size - 1; r += 2) {
            for (int c = 1; c < size - 1; c += 2) {
                if (openNeighbours(size, wall, r, c) != 1 || rng.nextDouble() >= braid) {
                    continue;
                }
                List<Integer> walls = new ArrayList<>();
                List<Integer> toDeadEnds = new ArrayList<>();
                for (int d = 0; d < 4; d++) {
                    int nr = r + 2 * MOVES[d][0];
                    int nc = c + 2 * MOVES[d][1];
                    if (nr > 0 && nr < size - 1 && nc > 0 && nc < size - 1 && wall[index(size, r + MOVES[d][0], c + MOVES[d][1])]) {
                        walls.add(d);
                        if (openNeighbours(size, wall, nr, nc) == 1) {
                            toDeadEnds.add(d);
                        }
                    }
                }
                List<Integer> choices = toDeadEnds.isEmpty() ? walls : toDeadEnds;
                if (!choices.isEmpty()) {
                    int d = choices.get(rng.nextInt(choices.size()));
                    wall[index(size, r + MOVES[d][0], c + MOVES[d][1])] = false;
                }
            }
        }
    }

    private static int openNeighbours(int size, boolean[] wall, int r, int c) {
        int open = 0;
        for (int[] move : MOVES) {
            if (!wall[index(size, r + move[0], c + move[1])]) {
                open++;
            }
        }
        return open;
    }

    private static int onlyOne(int earlier, int cell, String what, String source, int r, int c) {
        if (earlier >= 0) {
            throw new IllegalArgumentException(source + ": row " + (r + 1) + ", column " + (c + 1) + ": a second "
                    + what + "; a maze has exactly one");
        }
        return cell;
    }

    /** Parses a hand-written maze: {@code #} wall, {@code .} open, {@code S} start, {@code G} goal; square, walled. */
    public static MazeGrid parse(String text, String source) {
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String row = line.strip();
            if (!row.isEmpty() && !row.startsWith(";")) {
                rows.add(row);
            }
        }
        int size = rows.size();
        if (size < 3) {
            throw new IllegalArgumentException(source + ": a maze needs at least 3 rows, found " + size);
        }
        boolean[] wall = new boolean[size * size];
        int start = -1;
        int goal = -1;
        for (int r = 0; r < size; r++) {
            String row = rows.get(r);
            if (row.length() != size) {
                throw new IllegalArgumentException(source + ": row " + (r + 1) + " has " + row.length()
                        + " cells; a maze is square (" + size + " rows, so " + size + " columns)");
            }
            for (int c = 0; c < size; c++) {
                char ch = row.charAt(c);
                boolean border = r == 0 || c == 0 || r == size - 1 || c == size - 1;
                switch (ch) {
                    case '#' -> wall[index(size, r, c)] = true;
                    case '.' -> { }
                    case 'S' -> start = onlyOne(start, index(size, r, c), "start 'S'", source, r, c);
                    case 'G' -> goal = onlyOne(goal, index(size, r, c), "goal 'G'", source, r, c);
                    default -> throw new IllegalArgumentException(source + ": row " + (r + 1) + ", column " + (c + 1)
                            + ": unknown cell '" + ch + "'; use # . S G");
                }
                if (border && ch != '#') {
                    throw new IllegalArgumentException(source + ": row " + (r + 1) + ", column " + (c + 1)
                            + ": the border must be wall '#'");
                }
            }
        }
        if (start < 0 || goal < 0) {
            throw new IllegalArgumentException(source + ": a maze needs one start 'S' and one goal 'G'");
        }
        MazeGrid maze = new MazeGrid(size, wall, start, goal);
        if (maze.distancesFrom(goal)[start] < 0) {
            throw new IllegalArgumentException(source + ": the goal cannot be reached from the start");
        }
        return maze;
    }

    static int index(int size, int row, int col) {
        return row * size + col;
    }

    public int size() {
        return size;
    }

    public boolean isWall(int cell) {
        return wall[cell];
    }

    public int start() {
        return start;
    }

    public int goal() {
        return goal;
    }

    /** The cell reached by moving {@code action} (0 up, 1 right, 2 down, 3 left) from {@code cell}; walls stop it. */
    public int move(int cell, int action) {
        int next = cell + MOVES[action][0] * size + MOVES[action][1];
        return wall[next] ? cell : next;
    }

    /** Breadth-first distances (in moves) from {@code cell} to every cell; -1 where unreachable or wall. */
    public int[] distancesFrom(int cell) {
        int[] distance = new int[size * size];
        Arrays.fill(distance, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        distance[cell] = 0;
        queue.add(cell);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (int action = 0; action < 4; action++) {
                int next = move(current, action);
                if (distance[next] < 0) {
                    distance[next] = distance[current] + 1;
                    queue.add(next);
                }
            }
        }
        return distance;
    }

    /** The length of a shortest path from start to goal (the BFS oracle). */
    public int shortestPath() {
        return distancesFrom(start)[goal];
    }
}
