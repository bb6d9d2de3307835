package example.corridor;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.EnvOptions;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.Environment;
import io.rlarena.env.Reset;
import io.rlarena.env.Space;
import io.rlarena.env.Step;

import java.util.Map;

/**
 * A corridor of {@code length} cells: start at the left end, reach the right end. Actions: 0 left,
 * 1 right. Reward -0.01 per step, +1 at the end. Observation: the position, one-hot.
 */
public final class Corridor implements Environment {

    private final EnvSpec spec;
    private final int length;
    private int position;

    /** Used by the registry when the class is named with --env; options come from --env-opt. */
    public Corridor(EnvOptions options) {
        this(options.values().containsKey("length") ? options.integer("length") : 8);
    }

    public Corridor(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("Corridor: option length must be >= 2, got " + length);
        }
        this.length = length;
        this.spec = new EnvSpec("Corridor-v0", Map.of("length", String.valueOf(length)), 4 * length);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space observationSpace() {
        return Box.of(0f, 1f, length);
    }

    @Override
    public Discrete actionSpace() {
        return new Discrete(2);
    }

    @Override
    public Reset reset(long seed) {
        return reset(); // deterministic: nothing to seed
    }

    @Override
    public Reset reset() {
        position = 0;
        return new Reset(observation());
    }

    @Override
    public Step step(int action) {
        if (!actionSpace().contains(action)) {
            throw new IllegalArgumentException("Corridor: action " + action + " is not 0 (left) or 1 (right)");
        }
        position = Math.max(0, Math.min(length - 1, position + (action == 1 ? 1 : -1)));
        boolean atEnd = position == length - 1;
        return new Step(observation(), atEnd ? 1.0 : -0.01, atEnd);
    }

    private float[] observation() {
        float[] oneHot = new float[length];
        oneHot[position] = 1f;
        return oneHot;
    }

    @Override
    public String render() {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < length; i++) {
            row.append(i == position ? '@' : i == length - 1 ? 'G' : '.');
        }
        return row.append('\n').toString();
    }
}
