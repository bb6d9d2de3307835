package io.rlarena.env;

import java.util.List;

/**
 * Service-provider interface for plugging environments into rlarena: implement it, list the
 * implementation's class name in {@code META-INF/services/io.rlarena.env.EnvProvider} of your
 * jar, and every rlarena command finds your ids (see README, "Your own environment").
 */
public interface EnvProvider {

    List<EnvRegistration> environments();

    /** Families of ids ({@code PREFIX:NAME}) this provider makes; none by default. */
    default List<EnvScheme> schemes() {
        return List.of();
    }
}
