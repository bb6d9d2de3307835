package io.rlarena.env;

/**
 * The set of valid observations or actions of an environment. Observations are always float
 * arrays: a {@link Box} observation has the box's shape (row-major), a {@link Discrete}
 * observation is a one-element array holding the index.
 */
public sealed interface Space permits Discrete, Box {

    /** True if {@code value} is a member of this space. */
    boolean contains(float[] value);

    /** Number of floats in one observation drawn from this space. */
    int flatSize();
}
