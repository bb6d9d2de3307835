package io.rlarena.envs.classic;

import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;

import java.util.List;

/** The built-in classic-control environments. */
public final class ClassicEnvs implements EnvProvider {

    @Override
    public List<EnvRegistration> environments() {
        return List.of(new EnvRegistration("CartPole-v1",
                "Gymnasium's CartPole-v1: balance a pole on a cart, reward 1 per step, 500 steps at most",
                List.of(), options -> new CartPole()));
    }
}
