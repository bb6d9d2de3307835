package io.rlarena.cli;

import io.rlarena.env.EnvRegistry;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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

    /** The registry of built-in and plug-in environments. */
    EnvRegistry registry() {
        if (plugins.isEmpty()) {
            return EnvRegistry.load(EnvArgs.class.getClassLoader());
        }
        List<URL> urls = new ArrayList<>();
        for (Path plugin : plugins) {
            if (!Files.exists(plugin)) {
                throw new IllegalArgumentException("--plugin " + plugin + ": no such jar or folder");
            }
            if (!Files.isReadable(plugin)) {
                throw new IllegalArgumentException("--plugin " + plugin + ": not readable (check its permissions)");
            }
            if (Files.isRegularFile(plugin)) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(plugin.toFile())) {
                    jar.size();
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("--plugin " + plugin + ": not a readable jar (" + e.getMessage()
                            + "); give a jar or a folder of classes");
                }
            }
            try {
                urls.add(plugin.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new java.io.IOException(e));
            }
        }
        return EnvRegistry.load(new URLClassLoader(urls.toArray(URL[]::new), EnvArgs.class.getClassLoader()));
    }
}
