package io.rlarena.env;

import java.util.Map;
import java.util.TreeMap;

/**
 * The resolved options of one environment (defaults filled in), with typed getters whose errors
 * name the environment, the option, the bad value and the expected form.
 */
public record EnvOptions(String envId, Map<String, String> values) {

    public EnvOptions {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(envId + ": option '" + name + "' is not set");
        }
        return value;
    }

    public int integer(String name) {
        String value = string(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value, "an integer");
        }
    }

    public double number(String name) {
        String value = string(name);
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value, "a number");
        }
    }

    public boolean bool(String name) {
        String value = string(name).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw bad(name, value, "true or false");
        };
    }

    /** An error for option {@code name} whose {@code value} is not {@code expected}. */
    public IllegalArgumentException bad(String name, String value, String expected) {
        return new IllegalArgumentException(envId + ": option " + name + "=" + value + " is invalid; expected "
                + expected + " (--env-opt " + name + "=...)");
    }
}
