package io.rlarena.env;

/** One option an environment accepts ({@code --env-opt name=value}), with its default. */
public record EnvOption(String name, String defaultValue, String description) {
}
