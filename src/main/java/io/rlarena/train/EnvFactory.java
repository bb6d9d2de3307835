package io.rlarena.train;

import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.env.Wrapper;
import io.rlarena.envs.board.BoardGameEnv;
import io.rlarena.envs.board.Opponent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes copies of one run's environment (registry env plus observation encoding) for a learner
 * or an evaluator, and closes every copy it made when closed.
 */
public final class EnvFactory implements Supplier<Environment>, AutoCloseable {

    private final EnvRegistry registry;
    private final String env;
    private final Map<String, String> options;
    private final String observation;
    private final String source;
    private final List<Environment> made = new ArrayList<>();
    private Opponent selfPlay;
    private boolean usesSelfPlay;

    /** Copies of {@code env}; {@code source}, when not null, is the file that named it, for error messages. */
    public EnvFactory(EnvRegistry registry, String env, Map<String, String> options, String observation, String source) {
        this.registry = registry;
        this.env = env;
        this.options = options;
        this.observation = observation;
        this.source = source;
    }

    /** The factory of a run configuration's environment. */
    public static EnvFactory of(EnvRegistry registry, RunConfig config) {
        return of(registry, config, null);
    }

    /** The factory of the environment of a run configuration read from {@code source}. */
    public static EnvFactory of(EnvRegistry registry, RunConfig config, String source) {
        return new EnvFactory(registry, config.env(), config.envOptions(), config.observation(), source);
    }

    /** Binds the opponent {@code self} of board games made from now on to {@code pool}. */
    EnvFactory withSelfPlay(Opponent pool) {
        this.selfPlay = pool;
        return this;
    }

    /** Whether a copy made so far plays against {@code self}. */
    boolean usesSelfPlay() {
        return usesSelfPlay;
    }

    @Override
    public Environment get() {
        Environment copy = Trainer.makeEnv(registry, env, options, observation, source);
        if (selfPlay != null && Wrapper.unwrap(copy) instanceof BoardGameEnv board) {
            usesSelfPlay |= board.bindSelfPlay(selfPlay);
        }
        made.add(copy);
        return copy;
    }

    /** The first copy made (for its spec), making one if none was. */
    public Environment first() {
        return made.isEmpty() ? get() : made.get(0);
    }

    @Override
    public void close() {
        made.forEach(Environment::close);
        made.clear();
    }
}
