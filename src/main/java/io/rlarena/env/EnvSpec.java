package io.rlarena.env;

import java.util.Map;
import java.util.TreeMap;

/**
 * How an environment was made: its versioned id, the options it was made with (every option,
 * defaults included, so the spec alone rebuilds it) and its time limit (0: none).
 */
public record EnvSpec(String id, Map<String, String> options, int maxEpisodeSteps) {

    public EnvSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("env id must not be blank");
        }
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 0, got " + maxEpisodeSteps);
        }
        options = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(options == null ? Map.of() : options));
    }

    public EnvSpec withMaxEpisodeSteps(int steps) {
        return new EnvSpec(id, options, steps);
    }
}
