package io.rlarena.env;

import java.util.Map;
import java.util.SplittableRandom;

/** Small environments for tests, correct and deliberately broken. */
public final class TestEnvs {

    private TestEnvs() {
    }

    /** An endless chain: reward 1 every step, never terminates (time limit 10). */
    public static class Chain implements Environment {
        @Override
        public EnvSpec spec() {
            return new EnvSpec("Chain-v0", Map.of(), 10);
        }

        @Override
        public Space observationSpace() {
            return Box.of(0f, 1f, 1);
        }

        @Override
        public Discrete actionSpace() {
            return new Discrete(2);
        }

        @Override
        public Reset reset(long seed) {
            return reset();
        }

        @Override
        public Reset reset() {
            return new Reset(new float[] {1f});
        }

        @Override
        public Step step(int action) {
            if (!actionSpace().contains(action)) {
                throw new IllegalArgumentException("bad action " + action);
            }
            return new Step(new float[] {1f}, 1.0, false);
        }

        @Override
        public String render() {
            return "chain\n";
        }
    }

    /**
     * Two cells; action 1 ("jump") is illegal in cell 0 and throws if taken there. Reward 1 for
     * action 1 in cell 1, which ends the episode; action 0 moves to the other cell.
     */
    public static final class Masked implements Environment {
        private int cell;

        @Override
        public EnvSpec spec() {
            return new EnvSpec("Masked-v0", Map.of(), 20);
        }

        @Override
        public Space observationSpace() {
            return Box.of(0f, 1f, 2);
        }

        @Override
        public Discrete actionSpace() {
            return new Discrete(2);
        }

        @Override
        public Reset reset(long seed) {
            return reset();
        }

        @Override
        public Reset reset() {
            cell = 0;
            return new Reset(observation());
        }

        @Override
        public Step step(int action) {
            if (!actionSpace().contains(action) || !actionMask()[action]) {
                throw new IllegalArgumentException("illegal action " + action + " in cell " + cell);
            }
            if (action == 1) {
                return new Step(observation(), 1.0, true);
            }
            cell = 1 - cell;
            return new Step(observation(), 0.0, false);
        }

        @Override
        public boolean[] actionMask() {
            return new boolean[] {true, cell == 1};
        }

        private float[] observation() {
            return cell == 0 ? new float[] {1f, 0f} : new float[] {0f, 1f};
        }

        @Override
        public String render() {
            return "cell " + cell + "\n";
        }
    }

    /** Observations outside the declared space. */
    public static final class OutOfSpace extends Chain {
        @Override
        public Step step(int action) {
            super.step(action);
            return new Step(new float[] {2f}, 1.0, false);
        }
    }

    /** Uses an unseeded generator: same seed, different rollouts. */
    public static final class Unseeded extends Chain {
        private final SplittableRandom shared = new SplittableRandom();

        @Override
        public Step step(int action) {
            super.step(action);
            return new Step(new float[] {shared.nextFloat()}, 1.0, false);
        }
    }

    /** Never ends its episodes although its spec declares a time limit (no TimeLimit wrapper). */
    public static final class IgnoresTimeLimit extends Chain {
    }

    /** A mask of the wrong length. */
    public static final class BadMask extends Chain {
        @Override
        public boolean[] actionMask() {
            return new boolean[] {true};
        }
    }

    /** Accepts actions outside its action space. */
    public static final class AcceptsAnything extends Chain {
        @Override
        public Step step(int action) {
            return new Step(new float[] {1f}, 1.0, action > 5);
        }
    }

    /** Returns the same observation array every step and mutates it. */
    public static final class ReusesBuffer extends Chain {
        private final float[] buffer = {0f};

        @Override
        public Reset reset() {
            buffer[0] = 0f;
            return new Reset(buffer);
        }

        @Override
        public Step step(int action) {
            super.step(action);
            buffer[0] = buffer[0] > 0.5f ? 0f : 1f;
            return new Step(buffer, 1.0, false);
        }
    }

    /** Returns NaN rewards. */
    public static final class NanReward extends Chain {
        @Override
        public Step step(int action) {
            super.step(action);
            return new Step(new float[] {1f}, Double.NaN, false);
        }
    }

    /** Never ends and declares no time limit. */
    public static final class Endless extends Chain {
        @Override
        public EnvSpec spec() {
            return new EnvSpec("Endless-v0", Map.of(), 0);
        }
    }
}
