package io.rlarena.env;

import java.util.Map;

/**
 * Environments named {@code PREFIX:NAME}, made by a provider from NAME: a bridge to another
 * library's environments, such as {@code rl4j:com.example.MyMdp} for an RL4J MDP class. An
 * {@link EnvProvider} offers its schemes through {@link EnvProvider#schemes()}.
 */
public interface EnvScheme {

    /** The id prefix before the colon: lower-case letters and digits. */
    String prefix();

    /**
     * Makes the environment {@code name} (what follows {@code PREFIX:}) with the options given;
     * the registry adds the time limit of the returned environment's spec.
     *
     * @param loader the registry's class loader, which holds the plug-ins
     * @throws IllegalArgumentException naming what is wrong with the name or an option
     */
    Environment make(String name, Map<String, String> options, ClassLoader loader);
}
