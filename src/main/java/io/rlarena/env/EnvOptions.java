package io.rlarena.env;

import java.lang.reflect.InvocationTargetException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The resolved options of one environment (defaults filled in), with typed getters whose errors
 * name the environment, the option, the bad value and the expected form. It remembers which
 * options the environment asked for (through the getters or {@link #values()}), so that an option
 * a class-name environment never reads, a typo most likely, is reported instead of ignored.
 */
public final class EnvOptions {

    private final String envId;
    private final SortedMap<String, String> values;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    public EnvOptions(String envId, Map<String, String> values) {
        this.envId = envId;
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * Makes an instance of {@code type}, named {@code name} in errors, with its public constructor
     * taking {@code EnvOptions} (given {@code options}), or with its public no-argument one when
     * no options are given. An option the constructor never read (a typo, most likely) is an
     * error, after {@code discard} released the instance made.
     *
     * @throws IllegalArgumentException naming the class and what it lacks, or the unread options
     */
    public static <T> T construct(Class<? extends T> type, String name, Map<String, String> options,
                                  Consumer<? super T> discard) {
        try {
            try {
                var withOptions = type.getConstructor(EnvOptions.class);
                EnvOptions read = new EnvOptions(name, options);
                T made = withOptions.newInstance(read);
                if (!read.unasked().isEmpty()) {
                    discard.accept(made);
                    throw new IllegalArgumentException(name + " does not read the option(s) " + read.unasked()
                            + " (a typo?); the options it asked for are " + read.asked()
                            + " (an environment reads its options in its constructor)");
                }
                return made;
            } catch (NoSuchMethodException e) {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException(name + " takes no options (it has no public constructor "
                            + "taking io.rlarena.env.EnvOptions), but got " + options.keySet());
                }
                return type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name + " needs a public no-argument constructor or a public "
                    + "constructor taking io.rlarena.env.EnvOptions");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("constructing " + name + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot construct " + name + ": " + e);
        }
    }

    public String envId() {
        return envId;
    }

    /**
     * Every option; looking one up ({@code get}, {@code containsKey}) counts as asking for it,
     * copying them all (into an {@link EnvSpec}, say) does not.
     */
    public Map<String, String> values() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                return values.entrySet();
            }

            @Override
            public String get(Object key) {
                asked.add(String.valueOf(key));
                return values.get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                asked.add(String.valueOf(key));
                return values.containsKey(key);
            }
        };
    }

    /** The options given that the environment has not asked for (so far). */
    public Set<String> unasked() {
        Set<String> unasked = new TreeSet<>(values.keySet());
        unasked.removeAll(asked);
        return unasked;
    }

    /** The options the environment has asked for, given or not. */
    public Set<String> asked() {
        return new TreeSet<>(asked);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvOptions that && envId.equals(that.envId) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return envId.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return envId + " " + values;
    }

    public String string(String name) {
        asked.add(name);
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
