package io.rlarena.agent;

/**
 * Validation rules for hyperparameter records; each error names the field (with the algorithm
 * prefix, e.g. {@code ppo.n_steps}), the rule and the actual value.
 */
public final class Checks {

    private Checks() {
    }

    public static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    public static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(field + " must be in [" + low + ", " + high + "], got " + value);
        }
    }

    public static void atLeast(String field, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + " must be >= " + minimum + ", got " + value);
        }
    }

    public static void notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }

    public static <T> T present(String field, T value, String example) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing, e.g. " + example);
        }
        return value;
    }
}
