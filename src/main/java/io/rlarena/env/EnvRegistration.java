package io.rlarena.env;

import java.util.List;
import java.util.function.Function;

/**
 * A registered environment: versioned id, a one-line description, the options it accepts and a
 * factory. The factory gets every option resolved (defaults filled in) and returns the bare
 * environment; the registry adds the {@link TimeLimit} from the returned environment's spec.
 */
public record EnvRegistration(String id, String description, List<EnvOption> options,
                              Function<EnvOptions, Environment> factory) {

    public EnvRegistration {
        if (!id.matches("[A-Za-z0-9_./-]+-v\\d+")) {
            throw new IllegalArgumentException("env id '" + id + "' must be versioned like Name-v0");
        }
        options = List.copyOf(options);
    }
}
