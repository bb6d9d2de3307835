package io.rlarena.env;

import java.util.Map;

/** What {@link Environment#reset} returns: the first observation and optional info. */
public record Reset(float[] observation, Map<String, Object> info) {

    public Reset {
        info = info == null ? Map.of() : info;
    }

    public Reset(float[] observation) {
        this(observation, Map.of());
    }
}
