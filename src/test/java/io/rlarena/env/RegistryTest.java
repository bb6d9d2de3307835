package io.rlarena.env;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {

    private final EnvRegistry registry = EnvRegistry.load(getClass().getClassLoader());

    @Test
    void idsWithAColonGoToTheirScheme() {
        Environment cartpole = registry.make("rl4j:org.deeplearning4j.rl4j.mdp.CartpoleNative", Map.of());
        assertEquals("rl4j:org.deeplearning4j.rl4j.mdp.CartpoleNative", cartpole.spec().id());
        assertEquals(500, cartpole.spec().maxEpisodeSteps(), "RL4J's MDPs declare no limit: CartPole-v1's is the default");
        assertEquals(50, registry.make("rl4j:org.deeplearning4j.rl4j.mdp.CartpoleNative",
                Map.of(EnvRegistry.MAX_EPISODE_STEPS, "50")).spec().maxEpisodeSteps());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.make("gym:CartPole-v1", Map.of()));
        assertTrue(unknown.getMessage().contains("no environment scheme 'gym:'")
                && unknown.getMessage().contains("[rl4j:]"), unknown.getMessage());
    }

    @Test
    void builtInsAreRegisteredThroughServiceLoader() {
        assertTrue(registry.find("FrozenLake-v1").isPresent());
        assertTrue(registry.find("CliffWalking-v0").isPresent());
        assertTrue(registry.find("FourRooms-v0").isPresent());
        assertTrue(registry.find("GridWorld-v0").isPresent());
    }

    @Test
    void optionsReachTheEnvironmentAndItsSpec() {
        Environment env = registry.make("FrozenLake-v1", Map.of("map_name", "8x8", "is_slippery", "false"));
        assertEquals(new Discrete(64), env.observationSpace());
        assertEquals(Map.of("map_name", "8x8", "is_slippery", "false"), env.spec().options());
        assertEquals(200, env.spec().maxEpisodeSteps());
        assertInstanceOf(TimeLimit.class, env);
    }

    @Test
    void unknownOptionsAndBadValuesAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.make("FrozenLake-v1", Map.of("slippery", "true")));
        assertTrue(unknown.getMessage().contains("'slippery'") && unknown.getMessage().contains("is_slippery"),
                unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> registry.make("FrozenLake-v1", Map.of("map_name", "5x5")));
        assertTrue(bad.getMessage().contains("map_name=5x5") && bad.getMessage().contains("4x4 or 8x8"), bad.getMessage());
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> registry.make("FrozenLake-v1", Map.of("is_slippery", "maybe")));
        assertTrue(bool.getMessage().contains("true or false"), bool.getMessage());
    }

    @Test
    void unknownIdSaysWhereToLook() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.make("NoSuchEnv-v0", Map.of()));
        assertTrue(e.getMessage().contains("rlarena envs") && e.getMessage().contains("--plugin"), e.getMessage());
    }

    @Test
    void maxEpisodeStepsOptionReplacesTheTimeLimit() {
        Environment env = registry.make("FrozenLake-v1", Map.of("max_episode_steps", "3", "is_slippery", "false"));
        assertEquals(3, env.spec().maxEpisodeSteps());
        env.reset(0);
        assertFalse(env.step(0).truncated());
        assertFalse(env.step(0).truncated());
        Step third = env.step(0);
        assertTrue(third.truncated());
        assertFalse(third.terminated());
        Environment unlimited = registry.make("FrozenLake-v1", Map.of("max_episode_steps", "0"));
        assertEquals(0, unlimited.spec().maxEpisodeSteps());
        assertThrows(IllegalArgumentException.class, () -> registry.make("FrozenLake-v1", Map.of("max_episode_steps", "-1")));
    }

    @Test
    void classNamesMakeEnvironmentsToo() {
        Environment env = registry.make(TestEnvs.Chain.class.getName(), Map.of());
        assertEquals("Chain-v0", env.spec().id());
        IllegalArgumentException notEnv = assertThrows(IllegalArgumentException.class,
                () -> registry.make(String.class.getName(), Map.of()));
        assertTrue(notEnv.getMessage().contains("does not implement"), notEnv.getMessage());
    }

    @Test
    void oneHotWrapperEncodesStates() {
        Environment env = ObservationEncoding.apply(registry.make("FrozenLake-v1", Map.of("is_slippery", "false")), "auto");
        assertEquals(Box.of(0f, 1f, 16), env.observationSpace());
        float[] first = env.reset(0).observation();
        assertEquals(1f, first[0]);
        float[] next = env.step(2).observation(); // right: state 1
        assertEquals(1f, next[1]);
        assertEquals(1f, sum(next));
        assertEquals(1f, Wrapper.encode(env, new float[] {5})[5]);
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    /** Set by {@link NotAnEnvironment}'s static initializer. */
    static volatile boolean initializerRan;

    /** A class named as an environment that is none: its static initializer must not run. */
    static final class NotAnEnvironment {
        static {
            initializerRan = true;
        }
    }

    @Test
    void aClassThatIsNoEnvironmentIsRefusedBeforeItsStaticInitializerRuns() {
        EnvRegistry registry = EnvRegistry.load(RegistryTest.class.getClassLoader());
        String name = NotAnEnvironment.class.getName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.make(name, Map.of()));
        assertTrue(e.getMessage().contains("does not implement"), e.getMessage());
        assertFalse(initializerRan, "the class was initialized before the check");
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> registry.make(name, Map.of(), "agent file x.zip"));
        assertTrue(named.getMessage().startsWith("agent file x.zip names the environment '" + name + "'"),
                named.getMessage());
    }
}
