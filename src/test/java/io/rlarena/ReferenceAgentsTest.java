package io.rlarena;

import io.rlarena.agent.AgentFile;
import io.rlarena.agent.SearchingPolicy;
import io.rlarena.env.EnvRegistry;
import io.rlarena.env.Environment;
import io.rlarena.envs.board.AlphaBeta;
import io.rlarena.envs.board.ConnectFour;
import io.rlarena.envs.board.ConnectFourSolver;
import io.rlarena.envs.board.MinimaxSolver;
import io.rlarena.envs.board.TicTacToe;
import io.rlarena.train.Arena;
import io.rlarena.train.EvalResult;
import io.rlarena.train.Evaluator;
import io.rlarena.train.PositionSet;
import io.rlarena.train.Trainer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Positions 0, 10, 20, ... of a set: a sample re-checked in seconds. */
    private static List<PositionSet.Position> everyTenth(List<PositionSet.Position> set) {
        List<PositionSet.Position> sample = new ArrayList<>();
        for (int i = 0; i < set.size(); i += 10) {
            sample.add(set.get(i));
        }
        return sample;
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

    /** Tic-tac-toe's AlphaZero agent (100 simulations): never loses a line of perfect play; mistakes are rare. */
    @Test
    void theAlphaZeroTicTacToeAgentNeverLosesToPerfectPlay() {
        SearchingPolicy policy = ((SearchingPolicy) AgentFile.load(
                REFERENCE.resolve("TicTacToe-v0-alphazero.zip")).policy()).withSimulations(100);
        Arena.PolicyPlayer player = new Arena.PolicyPlayer("alphazero", policy);
        for (int side = 0; side < 2; side++) {
            Arena.Lines lines = Arena.allLines(new TicTacToe(),
                    player, side, new AlphaBeta(AlphaBeta.FULL_DEPTH));
            assertEquals(0, lines.losses(), "side " + side);
        }
        List<PositionSet.Position> all = PositionSet.read(
                Path.of(System.getProperty("rlarena.root", "."), "environments", "tictactoe", "all.txt"), TicTacToe::new,
                new MinimaxSolver());
        PositionSet.Rates rates = PositionSet.measure(everyTenth(all),
                TicTacToe::new, new Arena.Player("alphazero", player), 1, done -> { });
        assertTrue(rates.mistakes() <= 1, rates.toString());
    }

    /** Connect Four's DQN agent (the default preset's best.zip): beats two-ply search, as results/board-games.md says. */
    @Test
    void theDqnConnectFourAgentBeatsTwoPlySearch() {
        String agent = REFERENCE.resolve("ConnectFour-v0-dqn.zip").toString();
        Arena.Report report = Arena.play(ConnectFour::new, List.of(Arena.Player.parse(agent, "ConnectFour-v0",
                ConnectFour::new), Arena.Player.parse("alphabeta:2")), 40, 1);
        assertTrue(report.pairs().get(0).wins() >= 33, "35 of 40 when committed (arena --games 40 --seed 1): "
                + report.pairs());
    }

    /** Connect Four's first AlphaZero agent (50 simulations) on every tenth endgame of the solved set. */
    @Test
    void theAlphaZeroConnectFourAgentRarelyErrsInEndgames() {
        SearchingPolicy policy = ((SearchingPolicy) AgentFile.load(REFERENCE.resolve("ConnectFour-v0-alphazero.zip"))
                .policy()).withSimulations(50);
        List<PositionSet.Position> end = PositionSet.read(Path.of(System.getProperty("rlarena.root", "."),
                "environments", "connect4", "end.txt"), ConnectFour::new, new ConnectFourSolver());
        PositionSet.Rates rates = PositionSet.measure(everyTenth(end), ConnectFour::new,
                new Arena.Player("alphazero", new Arena.PolicyPlayer("alphazero", policy)), 1, done -> { });
        assertTrue(rates.mistakes() <= 6, "4 of 100 when committed: " + rates);
    }
}
