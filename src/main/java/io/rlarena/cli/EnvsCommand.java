package io.rlarena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.env.EnvOption;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rlarena envs}: every registered environment with its options and spaces. */
@Command(name = "envs", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "List the registered environments (built-in and plug-in) with their options.")
final class EnvsCommand implements Callable<Integer> {

    @Mixin
    EnvArgs envArgs;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        envArgs.refuseEnvOptions("envs", "it lists every environment with its options and their defaults");
        EnvRegistry registry = envArgs.registry();
        PrintWriter out = spec.commandLine().getOut();
        JsonArray all = new JsonArray();
        for (EnvRegistration registration : registry.registrations()) {
            JsonObject entry = describe(registry, registration);
            all.add(entry);
            if (!json) {
                out.printf("%-18s %s%n", registration.id(), registration.description());
                out.printf("%-18s observations %s, actions %s, time limit %s%n", "",
                        entry.has("observation_space") ? entry.get("observation_space").getAsString() : "(depends on options)",
                        entry.has("action_space") ? entry.get("action_space").getAsString() : "?",
                        !entry.has("max_episode_steps") ? "?"
                                : entry.get("max_episode_steps").getAsInt() == 0 ? "none"
                                : entry.get("max_episode_steps").getAsString() + " steps");
                for (EnvOption option : registration.options()) {
                    out.printf("%-18s   --env-opt %s=%s  %s%n", "", option.name(),
                            option.defaultValue().isEmpty() ? "..." : option.defaultValue(), option.description());
                }
            }
        }
        if (json) {
            out.println(Json.GSON.toJson(all));
        } else {
            out.printf("%nEvery env also takes --env-opt %s=N (0: no time limit).%n", EnvRegistry.MAX_EPISODE_STEPS);
        }
        out.flush();
        return 0;
    }

    private static JsonObject describe(EnvRegistry registry, EnvRegistration registration) {
        JsonObject entry = new JsonObject();
        entry.addProperty("id", registration.id());
        entry.addProperty("description", registration.description());
        JsonArray options = new JsonArray();
        for (EnvOption option : registration.options()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", option.name());
            o.addProperty("default", option.defaultValue());
            o.addProperty("description", option.description());
            options.add(o);
        }
        entry.add("options", options);
        try (Environment env = registry.make(registration.id(), Map.of())) {
            entry.addProperty("observation_space", env.observationSpace().toString());
            entry.addProperty("action_space", env.actionSpace().toString());
            entry.addProperty("max_episode_steps", env.spec().maxEpisodeSteps());
        } catch (IllegalArgumentException needsOptions) {
            // e.g. GridWorld-v0 without map_file: spaces depend on the options
        }
        return entry;
    }
}
