package io.rlarena.env;

import java.util.Map;

/**
 * What one {@link Environment#step(int)} returns. {@code terminated}: the episode reached a
 * terminal state of the task (no bootstrapping past it). {@code truncated}: it was cut off from
 * outside the task (a time limit); {@code observation} is then the real last observation, and
 * value targets still bootstrap from it.
 */
public record Step(float[] observation, double reward, boolean terminated, boolean truncated,
                   Map<String, Object> info) {

    public Step {
        info = info == null ? Map.of() : info;
    }

    public Step(float[] observation, double reward, boolean terminated) {
        this(observation, reward, terminated, false, Map.of());
    }

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /**
     * Whether the episode ended in success as the environment defines it: its info flag
     * {@code success} where it sets one, else a positive reward on termination.
     */
    public boolean success() {
        return info.get("success") instanceof Boolean flag ? flag : terminated && reward > 0;
    }

    /** The same step, with {@code truncated} set. */
    public Step truncate() {
        return new Step(observation, reward, terminated, true, info);
    }
}
