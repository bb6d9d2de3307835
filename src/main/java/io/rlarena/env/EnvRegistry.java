package io.rlarena.env;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every environment rlarena can make: the ids of all {@link EnvProvider}s found by
 * {@link ServiceLoader} on a class loader (built-ins and plug-ins alike), plus any class on that
 * loader that implements {@link Environment}, named by its fully qualified name.
 *
 * <p>Every environment accepts the option {@value #MAX_EPISODE_STEPS}, which replaces the time
 * limit of its spec (0 removes it).
 */
public final class EnvRegistry {

    public static final String MAX_EPISODE_STEPS = "max_episode_steps";

    private final Map<String, EnvRegistration> byId;
    private final Map<String, EnvScheme> schemes;
    private final ClassLoader loader;
    private final List<Plugin> plugins;

    private EnvRegistry(Map<String, EnvRegistration> byId, Map<String, EnvScheme> schemes, ClassLoader loader,
                        List<Plugin> plugins) {
        this.byId = byId;
        this.schemes = schemes;
        this.loader = loader;
        this.plugins = plugins;
    }

    /** The plug-ins this registry was loaded with ({@link #withPlugins}), which runs and agent files record. */
    public List<Plugin> plugins() {
        return plugins;
    }

    /** The registry of every provider visible to {@code loader}. */
    public static EnvRegistry load(ClassLoader loader) {
        Map<String, EnvRegistration> byId = new TreeMap<>();
        Map<String, EnvScheme> schemes = new TreeMap<>();
        try {
            for (EnvProvider provider : ServiceLoader.load(EnvProvider.class, loader)) {
                for (EnvRegistration registration : provider.environments()) {
                    EnvRegistration previous = byId.putIfAbsent(registration.id(), registration);
                    if (previous != null) {
                        throw new IllegalArgumentException("environment id " + registration.id()
                                + " is registered twice (second time by " + provider.getClass().getName() + ")");
                    }
                }
                for (EnvScheme scheme : provider.schemes()) {
                    if (!scheme.prefix().matches("[a-z0-9]+") || schemes.putIfAbsent(scheme.prefix(), scheme) != null) {
                        throw new IllegalArgumentException("environment scheme '" + scheme.prefix() + ":' of "
                                + provider.getClass().getName() + " is not lower-case letters and digits, or is "
                                + "registered twice");
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plug-in's META-INF/services/" + EnvProvider.class.getName()
                    + " names a provider that cannot be loaded: " + e.getMessage()
                    + " (is the class in the jar, public, with a public no-argument constructor?)", e);
        }
        return new EnvRegistry(byId, schemes, loader, List.of());
    }

    /** The registry of the built-in environments plus those of {@code plugins}, each on a class loader above ours. */
    public static EnvRegistry withPlugins(List<Plugin> plugins) {
        ClassLoader own = EnvRegistry.class.getClassLoader();
        if (plugins.isEmpty()) {
            return load(own);
        }
        java.net.URL[] urls = new java.net.URL[plugins.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = java.nio.file.Path.of(plugins.get(i).path()).toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("plug-in " + plugins.get(i).path() + ": " + e.getMessage());
            }
        }
        EnvRegistry loaded = load(new java.net.URLClassLoader(urls, own));
        return new EnvRegistry(loaded.byId, loaded.schemes, loaded.loader, List.copyOf(plugins));
    }

    /** The registry of the built-in environments and those on the context class path. */
    public static EnvRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public Collection<EnvRegistration> registrations() {
        return byId.values();
    }

    public Optional<EnvRegistration> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The class loader holding the environments (and plug-ins' own presets). */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * Makes the environment {@code idOrClass} (a registered id, an id {@code PREFIX:NAME} of an
     * {@link EnvScheme}, or the fully qualified name of a class implementing {@link Environment})
     * with the given options, wrapped in its time limit.
     *
     * @throws IllegalArgumentException for an unknown id or class, an unknown option or a bad value
     */
    public Environment make(String idOrClass, Map<String, String> options) {
        Map<String, String> given = new HashMap<>(options);
        String limitOption = given.remove(MAX_EPISODE_STEPS);
        EnvRegistration registration = byId.get(idOrClass);
        int colon = idOrClass.indexOf(':');
        Environment env = registration != null ? makeRegistered(registration, given)
                : colon > 0 ? scheme(idOrClass.substring(0, colon)).make(idOrClass.substring(colon + 1), given, loader)
                : makeFromClass(idOrClass, given);
        int limit = env.spec().maxEpisodeSteps();
        if (limitOption != null) {
            limit = new EnvOptions(idOrClass, Map.of(MAX_EPISODE_STEPS, limitOption)).integer(MAX_EPISODE_STEPS);
            if (limit < 0) {
                throw new EnvOptions(idOrClass, Map.of()).bad(MAX_EPISODE_STEPS, limitOption, "an integer >= 0");
            }
        }
        return limit > 0 || limitOption != null ? new TimeLimit(env, limit) : env;
    }

    /**
     * {@link #make(String, Map)} for an id and options read from a file: errors name
     * {@code source} (an agent file's manifest, an episode file's header, a run's config.json).
     */
    public Environment make(String idOrClass, Map<String, String> options, String source) {
        try {
            return make(idOrClass, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " names the environment '" + idOrClass + "' with options "
                    + new TreeMap<>(options) + ", which cannot be made here: " + e.getMessage(), e);
        }
    }

    private EnvScheme scheme(String prefix) {
        EnvScheme scheme = schemes.get(prefix);
        if (scheme == null) {
            throw new IllegalArgumentException("no environment scheme '" + prefix + ":'; the schemes are "
                    + schemes.keySet().stream().map(s -> s + ":").toList() + " (an id with a colon is SCHEME:NAME)");
        }
        return scheme;
    }

    private static Environment makeRegistered(EnvRegistration registration, Map<String, String> given) {
        Map<String, String> resolved = new TreeMap<>();
        for (EnvOption option : registration.options()) {
            resolved.put(option.name(), option.defaultValue());
        }
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!resolved.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(registration.id() + " has no option '" + entry.getKey()
                        + "'; its options are: " + optionNames(registration));
            }
            resolved.put(entry.getKey(), entry.getValue());
        }
        return registration.factory().apply(new EnvOptions(registration.id(), resolved));
    }

    private static String optionNames(EnvRegistration registration) {
        List<String> names = new ArrayList<>();
        registration.options().forEach(o -> names.add(o.name()));
        names.add(MAX_EPISODE_STEPS);
        return String.join(", ", names);
    }

    /** The registered id nearest to {@code name} (case aside, at most 3 edits away), if any. */
    Optional<String> closestId(String name) {
        String wanted = name.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = 4;
        for (String id : byId.keySet()) {
            int distance = editDistance(wanted, id.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private Environment makeFromClass(String className, Map<String, String> given) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader); // no static initializer runs before the check below
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("unknown environment '" + className + "'" + closestId(className)
                    .map(id -> " (did you mean " + id + "?)").orElse("") + ": not a registered id "
                    + "(run 'rlarena envs' to list them) and no class of that name on the class path "
                    + "(add your jar or classes folder with --plugin PATH)");
        }
        if (!Environment.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("class " + className + " does not implement " + Environment.class.getName());
        }
        return EnvOptions.construct(type.asSubclass(Environment.class), className, given, Environment::close);
    }
}
