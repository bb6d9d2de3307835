package io.rlarena.rl4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code reset(seed)} reaches the random generators of an RL4J environment, which RL4J's
 * interfaces never expose: a public {@code setSeed(long)} or {@code seed(long)} method (or an
 * {@code int} one) if the class has one, else every instance field holding a
 * {@link java.util.Random} (as {@code CartpoleNative}'s {@code rnd}), reseeded in place; else
 * none: not seedable. An ND4J {@link org.nd4j.linalg.api.rng.Random} (as
 * {@code CartpoleEnvironment}'s) is not reseeded: ND4J's native generator, reseeded with the
 * same seed, gives another stream in another process, so it cannot make runs reproducible.
 */
final class Rl4jSeeding {

    private final Object env;
    private final Method method;
    private final List<Field> generators;
    private final List<Field> nd4jGenerators;

    private Rl4jSeeding(Object env, Method method, List<Field> generators, List<Field> nd4jGenerators) {
        this.env = env;
        this.method = method;
        this.generators = generators;
        this.nd4jGenerators = nd4jGenerators;
    }

    static Rl4jSeeding of(Object env) {
        for (String name : List.of("setSeed", "seed")) {
            for (Class<?> type : List.of(long.class, int.class)) {
                try {
                    return new Rl4jSeeding(env, env.getClass().getMethod(name, type), List.of(), List.of());
                } catch (NoSuchMethodException e) {
                    // try the next signature
                }
            }
        }
        List<Field> generators = new ArrayList<>();
        List<Field> nd4jGenerators = new ArrayList<>();
        for (Class<?> type = env.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (java.util.Random.class.isAssignableFrom(field.getType()) && field.trySetAccessible()) {
                    generators.add(field);
                } else if (org.nd4j.linalg.api.rng.Random.class.isAssignableFrom(field.getType())) {
                    nd4jGenerators.add(field);
                }
            }
        }
        return new Rl4jSeeding(env, null, List.copyOf(generators), List.copyOf(nd4jGenerators));
    }

    boolean seedable() {
        return method != null || !generators.isEmpty();
    }

    String description() {
        String type = env.getClass().getName();
        if (method != null) {
            return "reset(seed) calls " + type + "." + method.getName() + "(seed)";
        }
        if (!generators.isEmpty()) {
            return "reset(seed) reseeds " + type + "'s random field(s) "
                    + generators.stream().map(Field::getName).toList() + " in place";
        }
        if (!nd4jGenerators.isEmpty()) {
            return type + " draws from the ND4J Random in its field(s) " + nd4jGenerators.stream().map(Field::getName)
                    .toList() + ", which does not reseed reproducibly: give it a java.util.Random field, or a public "
                    + "setSeed(long) method, to make it reproducible";
        }
        return type + " has no setSeed(long) or seed(long) method and no java.util.Random field for reset(seed) to "
                + "reseed: give it a public setSeed(long) method to make it reproducible";
    }

    /** Reseeds the environment's generators (nothing when it is not seedable). */
    void reseed(long seed) {
        try {
            if (method != null) {
                method.invoke(env, method.getParameterTypes()[0] == int.class ? (Object) (int) seed : (Object) seed);
            }
            for (Field field : generators) {
                if (field.get(env) instanceof java.util.Random random) {
                    random.setSeed(seed);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reseed " + env.getClass().getName() + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(env.getClass().getName() + "." + method.getName() + " failed: "
                    + e.getCause(), e.getCause());
        }
    }
}
