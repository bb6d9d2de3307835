package io.rlarena.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvCheckerTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load(EnvCheckerTest.class.getClassLoader());

    static Stream<String> registeredIds() {
        return REGISTRY.registrations().stream().map(EnvRegistration::id).filter(id -> !id.equals("GridWorld-v0"));
    }

    @ParameterizedTest
    @MethodSource("registeredIds")
    void everyRegisteredEnvPasses(String id) {
        for (long seed : new long[] {0, 1, 42}) {
            EnvChecker.Report report = EnvChecker.check(() -> REGISTRY.make(id, Map.of()), seed);
            assertTrue(report.ok(), id + ": " + report.problems());
        }
    }

    @Test
    void slipperyAndCustomGridworldsPass() throws Exception {
        assertTrue(EnvChecker.check(() -> REGISTRY.make("FrozenLake-v1", Map.of("map_name", "8x8")), 3).ok());
        assertTrue(EnvChecker.check(() -> REGISTRY.make("FourRooms-v0", Map.of("is_slippery", "true")), 3).ok());
        java.nio.file.Path map = java.nio.file.Files.createTempFile("map", ".txt");
        java.nio.file.Files.writeString(map, "S.C\n.#G\n");
        EnvChecker.Report report = EnvChecker.check(() -> REGISTRY.make("GridWorld-v0",
                Map.of("map_file", map.toString(), "is_slippery", "true")), 3);
        assertTrue(report.ok(), report.problems().toString());
    }

    static Stream<Arguments> brokenEnvs() {
        return Stream.of(
                Arguments.of((Supplier<Environment>) TestEnvs.OutOfSpace::new, "outside the observation space"),
                Arguments.of((Supplier<Environment>) () -> new TimeLimit(new TestEnvs.Unseeded(), 10), "differ"),
                Arguments.of((Supplier<Environment>) TestEnvs.IgnoresTimeLimit::new, "past its time limit"),
                Arguments.of((Supplier<Environment>) TestEnvs.BadMask::new, "actionMask() returned length 1"),
                Arguments.of((Supplier<Environment>) TestEnvs.AcceptsAnything::new, "throw IllegalArgumentException"),
                Arguments.of((Supplier<Environment>) TestEnvs.ReusesBuffer::new, "fresh array"),
                Arguments.of((Supplier<Environment>) TestEnvs.NanReward::new, "must be finite"));
    }

    @ParameterizedTest
    @MethodSource("brokenEnvs")
    void brokenEnvsAreRejectedWithAFix(Supplier<Environment> broken, String expected) {
        EnvChecker.Report report = EnvChecker.check(broken, 5);
        assertFalse(report.ok(), "checker accepted " + report.env());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(expected)),
                "expected a problem mentioning '" + expected + "', got " + report.problems());
    }

    @Test
    void theChainWithItsTimeLimitPasses() {
        EnvChecker.Report report = EnvChecker.check(() -> new TimeLimit(new TestEnvs.Chain(), 10), 5);
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void anEnvironmentThatNeverEndsWithoutATimeLimitIsWarnedAbout() {
        EnvChecker.Report endless = EnvChecker.check(TestEnvs.Endless::new, 5);
        assertTrue(endless.ok(), "the contract holds: " + endless.problems());
        assertTrue(endless.warnings().stream().anyMatch(w -> w.contains("no time limit") && w.contains("max_episode_steps")),
                endless.warnings().toString());
        assertTrue(EnvChecker.check(() -> new TimeLimit(new TestEnvs.Endless(), 10), 5).warnings().isEmpty(),
                "with a time limit there is nothing to warn about");
    }
}
