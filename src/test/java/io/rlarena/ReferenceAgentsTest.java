package io.rlarena;

import io.rlarena.agent.AgentFile;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.Trainer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agents committed under agents/reference/ (behind the README's GIFs) still do what the README says. */
class ReferenceAgentsTest {

    private static final Path REFERENCE = Path.of(System.getProperty("rlarena.root", "."), "agents", "reference");
    private static final EnvRegistry REGISTRY = EnvRegistry.load(ReferenceAgentsTest.class.getClassLoader());

    private static EvalResult evaluate(String file, Map<String, String> overrides, int episodes) {
        AgentFile.Contents agent = AgentFile.load(REFERENCE.resolve(file));
        Map<String, String> options = new TreeMap<>(agent.manifest().env().options());
        options.putAll(overrides);
        try (Environment env = Trainer.makeEnv(REGISTRY, agent.manifest().env().id(), options,
                agent.manifest().observation())) {
            return Evaluator.evaluate(env, agent.policyFor(env), episodes, 1);
        }
    }

    @Test
    void thePpoCartPoleAgentBalancesThePoleForTheWholeEpisode() {
        assertEquals(500.0, evaluate("CartPole-v1-ppo.zip", Map.of(), 5).meanReturn(), 1e-9);
    }

    @Test
    void theMazeAgentWalksItsFifteenByFifteenMazeOnTheShortestPath() {
        EvalResult result = evaluate("Maze-v0-15x15-dqn.zip", Map.of("exploring_starts", "false"), 1);
        assertEquals(1.0, result.successRate());
        assertEquals(48.0, result.meanLength(), 1e-9, "the 48-move shortest path (BFS)");
    }
}
