package io.rlarena.cli;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Plugin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options shared by every command that makes environments: options and plug-ins. */
final class EnvArgs {

    @Option(names = "--env-opt", paramLabel = "KEY=VALUE",
            description = "Environment option, repeatable (see 'rlarena envs' for each env's options).")
    Map<String, String> envOptions = new LinkedHashMap<>();

    @Option(names = "--plugin", paramLabel = "PATH",
            description = "A jar or classes folder holding your environments (ServiceLoader providers or classes named "
                    + "by --env), repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Show DL4J/ND4J log messages and stack traces.")
    boolean verbose;

    /**
     * Refuses {@code --env-opt} in a command that makes no environment from options ({@code why}
     * says where its environment comes from instead).
     */
    void refuseEnvOptions(String command, String why) {
        if (!envOptions.isEmpty()) {
            throw new IllegalArgumentException(command + " takes no --env-opt (got " + envOptions.keySet() + "): " + why);
        }
    }

    /**
     * The registry for the agent files among {@code players} (arena, play): the plug-ins they
     * recorded must be given with {@code --plugin} ({@link #requireGiven}).
     */
    EnvRegistry registryForPlayers(List<String> players) {
        for (String player : players) {
            if (Files.isRegularFile(Path.of(player))) {
                requireGiven(io.rlarena.agent.AgentFile.load(Path.of(player)).manifest().plugins(), "agent file " + player);
            }
        }
        return registry();
    }

    /**
     * Refuses to go on without the plug-ins a file from anywhere ({@code source}: an agent file,
     * an episode file) names: a plug-in is code, so rlarena loads one only when it is asked to
     * with {@code --plugin}, never because a downloaded file names it.
     */
    void requireGiven(List<Plugin> recorded, String source) {
        if (plugins.isEmpty() && !recorded.isEmpty()) {
            Plugin plugin = recorded.get(0);
            throw new IllegalArgumentException(source + " was made with the plug-in " + plugin.path()
                    + " (SHA-256 " + plugin.sha256() + "); rlarena loads a plug-in only when asked, because it "
                    + "is code: check it, then pass --plugin PATH");
        }
    }

    /** The registry of built-in and plug-in ({@code --plugin}) environments. */
    EnvRegistry registry() {
        return EnvRegistry.withPlugins(plugins.stream().map(Plugin::of).toList());
    }

    /**
     * The registry with the plug-ins your own run ({@code source}, its config.json) recorded,
     * besides any given with {@code --plugin}: so a plug-in run needs {@code --plugin} only once.
     * A recorded plug-in that is gone is an error naming it (unless {@code --plugin} gives others
     * in its place); one whose content changed since is a warning on {@code err}. Files from
     * elsewhere go through {@link #requireGiven} instead.
     */
    EnvRegistry registryOfRun(List<Plugin> recorded, String source, PrintWriter err) {
        List<Plugin> given = new ArrayList<>(plugins.stream().map(Plugin::of).toList());
        for (Plugin plugin : recorded) {
            if (given.stream().anyMatch(p -> p.path().equals(plugin.path()))) {
                continue;
            }
            if (!Files.exists(Path.of(plugin.path()))) {
                if (!plugins.isEmpty()) {
                    continue;
                }
                throw new IllegalArgumentException(source + " was made with the plug-in " + plugin.path()
                        + ", which is not there any more; give its new place with --plugin PATH");
            }
            if (!plugin.unchanged()) {
                err.println("warning: the plug-in " + plugin.path() + " has changed since " + source + " was made "
                        + "(its checksum was " + plugin.sha256().substring(0, 12) + "...)");
                err.flush();
            }
            given.add(plugin);
        }
        return EnvRegistry.withPlugins(given);
    }
}
