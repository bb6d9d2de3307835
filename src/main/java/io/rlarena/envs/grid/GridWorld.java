package io.rlarena.envs.grid;

import io.rlarena.env.Discrete;
import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.SeededEnvironment;
import io.rlarena.env.Reset;
import io.rlarena.env.Space;
import io.rlarena.env.Step;
import io.rlarena.env.TabularModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gridworld on a {@link GridMap}: FrozenLake, CliffWalking, four rooms and user maps. Its
 * exact transition table is built once; {@link #step} samples it, so the table that oracles read
 * is the dynamics.
 */
public final class GridWorld extends SeededEnvironment implements TabularModel, Drawable {

    /** Row/column moves in FrozenLake's action order: left, down, right, up. */
    public static final int[][] LEFT_DOWN_RIGHT_UP = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
    /** Row/column moves in CliffWalking's action order: up, right, down, left. */
    public static final int[][] UP_RIGHT_DOWN_LEFT = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    /**
     * How the world responds. {@code moves}: (row, col) delta per action, in circular order so
     * that {@code a-1} and {@code a+1} are the perpendicular moves of a slip.
     */
    public record Rules(int[][] moves, String[] actionNames, boolean slippery, double stepReward, double goalReward,
                        double holeReward, double cliffReward) {
    }

    private final EnvSpec spec;
    private final GridMap map;
    private final Rules rules;
    private final List<Transition>[][] table;
    private final Discrete observationSpace;
    private final Discrete actionSpace;
    private int state;
    private int lastAction = -1;
    private boolean episodeOver = true;

    @SuppressWarnings("unchecked")
    public GridWorld(EnvSpec spec, GridMap map, Rules rules) {
        this.spec = spec;
        this.map = map;
        this.rules = rules;
        int states = map.rows() * map.cols();
        this.observationSpace = new Discrete(states);
        this.actionSpace = new Discrete(rules.moves().length);
        this.table = new List[states][rules.moves().length];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < rules.moves().length; a++) {
                table[s][a] = buildTransitions(s, a);
            }
        }
    }

    private List<Transition> buildTransitions(int s, int action) {
        int n = rules.moves().length;
        int[] outcomes = rules.slippery() ? new int[] {Math.floorMod(action - 1, n), action, (action + 1) % n}
                : new int[] {action};
        List<Transition> result = new ArrayList<>(outcomes.length);
        for (int direction : outcomes) {
            result.add(move(s, direction, 1.0 / outcomes.length));
        }
        return List.copyOf(result);
    }

    private Transition move(int s, int direction, double probability) {
        int row = s / map.cols() + rules.moves()[direction][0];
        int col = s % map.cols() + rules.moves()[direction][1];
        row = Math.min(Math.max(row, 0), map.rows() - 1);
        col = Math.min(Math.max(col, 0), map.cols() - 1);
        int next = map.cell(row, col) == '#' ? s : row * map.cols() + col;
        return switch (map.cells().charAt(next)) {
            case 'G' -> new Transition(probability, next, rules.goalReward(), true, true);
            case 'H' -> new Transition(probability, next, rules.holeReward(), true, false);
            case 'C' -> new Transition(probability, map.start(), rules.cliffReward(), false, false);
            default -> new Transition(probability, next, rules.stepReward(), false, false);
        };
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
        return actionSpace;
    }

    @Override
    public Reset reset() {
        state = map.start();
        lastAction = -1;
        episodeOver = false;
        return new Reset(new float[] {state});
    }

    @Override
    public Step step(int action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is outside " + actionSpace);
        }
        if (episodeOver) {
            throw new IllegalStateException("the episode is over: call reset() before step()");
        }
        List<Transition> outcomes = table[state][action];
        Transition t = outcomes.get(0);
        if (outcomes.size() > 1) {
            double u = random().nextDouble();
            for (Transition candidate : outcomes) {
                t = candidate;
                u -= candidate.probability();
                if (u < 0) {
                    break;
                }
            }
        }
        state = t.nextState();
        lastAction = action;
        episodeOver = t.terminated();
        Map<String, Object> info = t.terminated() ? Map.of("success", t.success()) : Map.of();
        return new Step(new float[] {state}, t.reward(), t.terminated(), false, info);
    }

    @Override
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(lastAction < 0 ? "(start)" : "(" + rules.actionNames()[lastAction] + ")").append('\n');
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                int s = r * map.cols() + c;
                text.append(s == state ? '@' : map.cell(r, c));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Tiles (frozen, hole, cliff, wall, start, goal) and the agent. */
    @Override
    public Drawing draw() {
        Drawing.Builder drawing = new Drawing.Builder(map.cols(), map.rows(), "#ffffff");
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                drawing.add(new Drawing.Rect(c, r, 1, 1, TILE_COLORS.getOrDefault(map.cell(r, c), "#eceff1"), "#cfd8dc"));
            }
        }
        int row = state / map.cols();
        int col = state % map.cols();
        drawing.add(new Drawing.Circle(col + 0.5, row + 0.5, 0.32, "#1e88e5", "#0d47a1"));
        String cells = map.cells();
        TILE_MEANINGS.forEach((cell, meaning) -> {
            if (cells.indexOf(cell) >= 0) {
                drawing.key(TILE_COLORS.get(cell), meaning);
            }
        });
        return drawing.key("#1e88e5", "agent").build();
    }

    private static final Map<Character, String> TILE_COLORS = Map.of('F', "#e3f2fd", '.', "#f5f5f5", 'H', "#263238",
            'C', "#e57373", '#', "#546e7a", 'S', "#fff9c4", 'G', "#66bb6a");
    private static final Map<Character, String> TILE_MEANINGS = new java.util.LinkedHashMap<>(Map.of('F', "frozen",
            '.', "open", 'H', "hole", 'C', "cliff", '#', "wall", 'S', "start", 'G', "goal"));

    @Override
    public int numStates() {
        return observationSpace.n();
    }

    @Override
    public int numActions() {
        return actionSpace.n();
    }

    @Override
    public int initialState() {
        return map.start();
    }

    @Override
    public boolean isTerminal(int s) {
        char cell = map.cells().charAt(s);
        return cell == 'G' || cell == 'H';
    }

    @Override
    public List<Transition> transitions(int s, int action) {
        return table[s][action];
    }
}
