package io.rlarena.rl4j;

import io.rlarena.env.EnvOptions;
import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvScheme;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.Environment;
import org.deeplearning4j.rl4j.mdp.MDP;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RL4J's environments in rlarena: the id {@code rl4j:CLASS} makes the RL4J {@link MDP} or RL4J
 * {@link org.deeplearning4j.rl4j.environment.Environment} class {@code CLASS} (on the class path
 * or in a {@code --plugin}) and adapts it ({@link MdpAdapter}, {@link EnvironmentAdapter}).
 *
 * <p>The class is made with its public no-argument constructor, its public constructor taking
 * {@link EnvOptions} (then the {@code --env-opt} options are its own), or, with the option
 * {@value #ARGS}{@code =A,B,...}, a public constructor whose parameters (int, long, double,
 * float, boolean, String) take those values: {@code rl4j:org.deeplearning4j.rl4j.mdp.toy.SimpleToy}
 * with {@code args=20} is {@code new SimpleToy(20)}. RL4J's environments declare no time limit
 * (an RL4J program sets {@code maxEpochStep} instead); the default is {@value #TIME_LIMIT}
 * steps, Gymnasium's CartPole-v1 limit, and {@code max_episode_steps} changes it.
 */
public final class Rl4jEnvs implements EnvProvider, EnvScheme {

    public static final String PREFIX = "rl4j";
    public static final String ARGS = "args";
    public static final int TIME_LIMIT = 500;

    @Override
    public List<EnvRegistration> environments() {
        return List.of();
    }

    @Override
    public List<EnvScheme> schemes() {
        return List.of(this);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Environment make(String className, Map<String, String> options, ClassLoader loader) {
        String id = PREFIX + ":" + className;
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("no class " + className + " on the class path for " + id
                    + ": add the jar or classes folder that holds it with --plugin PATH");
        }
        boolean isMdp = MDP.class.isAssignableFrom(type);
        if (!isMdp && !org.deeplearning4j.rl4j.environment.Environment.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("class " + className + " is neither an RL4J MDP ("
                    + MDP.class.getName() + ") nor an RL4J Environment ("
                    + org.deeplearning4j.rl4j.environment.Environment.class.getName() + "): " + id
                    + " adapts those; an environment written for rlarena is named by its class alone, without rl4j:");
        }
        if (!options.containsKey(ARGS) && Arrays.stream(type.getConstructors()).noneMatch(c -> c.getParameterCount() == 0
                || Arrays.equals(c.getParameterTypes(), new Class<?>[] {EnvOptions.class}))) {
            throw new IllegalArgumentException(id + " has no public no-argument constructor: pass its constructor's "
                    + "arguments as --env-opt " + ARGS + "=A,B,...; " + constructors(type));
        }
        Object made = options.containsKey(ARGS) ? constructWithArgs(type, id, options)
                : EnvOptions.construct(type, id, options, Rl4jEnvs::close);
        EnvSpec spec = new EnvSpec(id, options, TIME_LIMIT);
        try {
            return isMdp ? new MdpAdapter(spec, (MDP<?, ?, ?>) made)
                    : new EnvironmentAdapter(spec, (org.deeplearning4j.rl4j.environment.Environment<?>) made);
        } catch (RuntimeException e) {
            close(made);
            throw e;
        }
    }

    private static void close(Object env) {
        if (env instanceof MDP<?, ?, ?> mdp) {
            mdp.close();
        } else if (env instanceof org.deeplearning4j.rl4j.environment.Environment<?> rl4j) {
            rl4j.close();
        }
    }

    /** The class made by the public constructor whose parameters take the comma-separated values of {@value #ARGS}. */
    private static Object constructWithArgs(Class<?> type, String id, Map<String, String> options) {
        if (options.size() > 1) {
            Map<String, String> others = new TreeMap<>(options);
            others.remove(ARGS);
            throw new IllegalArgumentException(id + " is made from its constructor arguments (" + ARGS
                    + "); it takes no other options, but got " + others.keySet());
        }
        String given = options.get(ARGS);
        String[] values = given.isBlank() ? new String[0] : given.split(",", -1);
        for (Constructor<?> constructor : type.getConstructors()) {
            Object[] arguments = convert(constructor.getParameterTypes(), values);
            if (arguments != null) {
                try {
                    return constructor.newInstance(arguments);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw new IllegalArgumentException(id + ": new " + type.getSimpleName() + "(" + given
                                + ") threw " + runtime, runtime);
                    }
                    throw new IllegalStateException("constructing " + id + " failed", e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot construct " + id + ": " + e);
                }
            }
        }
        throw new IllegalArgumentException(id + " has no public constructor taking " + ARGS + "=" + given
                + " (int, long, double, float, boolean and String parameters are supported); " + constructors(type));
    }

    private static String constructors(Class<?> type) {
        return "its public constructors: " + Arrays.stream(type.getConstructors()).map(c -> type.getSimpleName() + "("
                + String.join(", ", Arrays.stream(c.getParameterTypes()).map(Class::getSimpleName).toList()) + ")").toList();
    }

    /** {@code values} as arguments of {@code parameters}, or null where they do not fit. */
    private static Object[] convert(Class<?>[] parameters, String[] values) {
        if (parameters.length != values.length) {
            return null;
        }
        Object[] arguments = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            String value = values[i].trim();
            Class<?> type = parameters[i];
            try {
                if (type == int.class || type == Integer.class) {
                    arguments[i] = Integer.parseInt(value);
                } else if (type == long.class || type == Long.class) {
                    arguments[i] = Long.parseLong(value);
                } else if (type == double.class || type == Double.class) {
                    arguments[i] = Double.parseDouble(value);
                } else if (type == float.class || type == Float.class) {
                    arguments[i] = Float.parseFloat(value);
                } else if ((type == boolean.class || type == Boolean.class) && value.matches("true|false")) {
                    arguments[i] = Boolean.parseBoolean(value);
                } else if (type == String.class) {
                    arguments[i] = value;
                } else {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return arguments;
    }
}
