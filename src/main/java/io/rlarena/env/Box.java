package io.rlarena.env;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box of floats with a shape and per-element bounds (infinite bounds allowed). Data is flat,
 * row-major, {@link #flatSize()} long.
 */
public record Box(int[] shape, float[] low, float[] high) implements Space {

    public Box {
        shape = shape.clone();
        low = low.clone();
        high = high.clone();
        int size = 1;
        for (int dim : shape) {
            if (dim < 1) {
                throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " has a dimension < 1");
            }
            size *= dim;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box of shape " + Arrays.toString(shape) + " needs " + size
                    + " bounds, got low=" + low.length + ", high=" + high.length);
        }
        for (int i = 0; i < size; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box bound " + i + ": low " + low[i] + " > high " + high[i]);
            }
        }
    }

    /** A box with the same bounds for every element. */
    public static Box of(float low, float high, int... shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] lows = new float[Math.max(size, 0)];
        float[] highs = new float[lows.length];
        Arrays.fill(lows, low);
        Arrays.fill(highs, high);
        return new Box(shape, lows, highs);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public boolean contains(float[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (Float.isNaN(value[i]) || value[i] < low[i] || value[i] > high[i]) {
                return false;
            }
        }
        return true;
    }

    /** A uniform sample where both bounds are finite, a standard normal elsewhere. */
    public float[] sample(RandomGenerator rng) {
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean bounded = Float.isFinite(low[i]) && Float.isFinite(high[i]);
            x[i] = bounded ? low[i] + rng.nextFloat() * (high[i] - low[i]) : (float) rng.nextGaussian();
            x[i] = Math.min(Math.max(x[i], low[i]), high[i]);
        }
        return x;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box b && Arrays.equals(shape, b.shape) && Arrays.equals(low, b.low)
                && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(low)) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(shape);
    }
}
