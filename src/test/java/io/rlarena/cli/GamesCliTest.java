package io.rlarena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board-game commands, arena and play, driven as a user would. */
class GamesCliTest {

    /** Runs the command line with {@code input} as what the person types. */
    private static Cli typing(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void arenaJsonCountsEveryPairFromTheFirstPlayersSide() {
        Cli cli = Cli.run("arena", "--env", "TicTacToe-v0", "--players", "minimax,random,alphabeta:1", "--games", "10",
                "--seed", "4", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonObject report = JsonParser.parseString(cli.out()).getAsJsonObject();
        JsonArray pairs = report.getAsJsonArray("pairs");
        assertEquals(3, pairs.size());
        JsonObject first = pairs.get(0).getAsJsonObject();
        assertEquals("[\"minimax\",\"random\"]", first.get("players").toString());
        assertEquals(10, first.get("games").getAsInt());
        assertEquals(0, first.get("losses").getAsInt(), "perfect play never loses");
        assertEquals(10, first.get("wins").getAsInt() + first.get("draws").getAsInt());
        assertEquals(first.get("wins").getAsDouble() / 10, first.get("win_rate").getAsDouble(), 1e-12);
        assertEquals(3, report.getAsJsonArray("elo").size());
        assertEquals("random", report.getAsJsonArray("elo").get(2).getAsJsonObject().get("player").getAsString());
    }

    @Test
    void allLinesCountsEveryBestReplyOfTheSearcher() {
        Cli cli = Cli.run("arena", "--env", "TicTacToe-v0", "--players", "minimax,minimax", "--all-lines", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonArray sides = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("all_lines");
        assertEquals(2, sides.size());
        for (var side : sides) {
            JsonObject lines = side.getAsJsonObject();
            assertTrue(lines.get("games").getAsInt() > 1);
            assertEquals(lines.get("games").getAsInt(), lines.get("draws").getAsInt(), "perfect play draws every line");
        }
        Cli wrong = Cli.run("arena", "--env", "TicTacToe-v0", "--players", "minimax,random", "--all-lines");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("the second minimax or alphabeta"), wrong.err());
    }

    @Test
    void arenaRejectsUnknownPlayersAndNonGames() {
        Cli unknown = Cli.run("arena", "--env", "TicTacToe-v0", "--players", "random,grandmaster", "--games", "2");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("grandmaster") && unknown.err().contains("mcts:"), unknown.err());
        Cli notAGame = Cli.run("arena", "--env", "CartPole-v1", "--players", "random,minimax", "--games", "2");
        assertEquals(2, notAGame.exitCode());
        assertTrue(notAGame.err().contains("not a board game"), notAGame.err());
    }

    @Test
    void aPersonPlaysThroughBadInputToTheEnd() {
        // every cell in turn: taken cells are refused and the next line is read, until the game ends
        String moves = "zz\nb2\nb2\na1\na2\na3\nb1\nb3\nc1\nc2\nc3\n";
        Cli cli = typing(moves, "play", "--env", "TicTacToe-v0", "--opponent", "minimax", "--seed", "2");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("'zz' is no tic-tac-toe move"), cli.out());
        assertTrue(cli.out().contains("'b2' is not legal here"), cli.out());
        assertTrue(cli.out().contains("minimax plays "), cli.out());
        assertFalse(cli.out().contains("You win!"), "nobody beats perfect play");
        assertTrue(cli.out().contains("Draw.") || cli.out().contains("minimax wins. (the line "), cli.out());
        assertTrue(cli.out().contains("The last move is shown in lower case."), cli.out());
    }

    @Test
    void thePersonCanPlaySecondAndQuit() {
        Cli cli = typing("quit\n", "play", "--env", "ConnectFour-v0", "--opponent", "random", "--side", "second",
                "--seed", "1");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.out().contains("random plays "), "the opponent opens: " + cli.out());
        assertTrue(cli.out().contains("Game abandoned."), cli.out());
        Cli badSide = typing("", "play", "--env", "TicTacToe-v0", "--opponent", "random", "--side", "middle");
        assertEquals(2, badSide.exitCode());
        assertTrue(badSide.err().contains("--side must be first or second"), badSide.err());
    }

    @Test
    void anAgentOfAnotherGameIsRefusedBeforeTheFirstMove() {
        String ticTacToe = java.nio.file.Path.of(System.getProperty("rlarena.root", "."), "agents", "reference",
                "TicTacToe-v0-dqn.zip").toString();
        Cli play = typing("d1\n", "play", "--env", "ConnectFour-v0", "--agent-file", ticTacToe);
        assertEquals(2, play.exitCode());
        assertTrue(play.err().contains("is an agent for TicTacToe-v0, not ConnectFour-v0"), play.err());
        assertTrue(play.out().isEmpty(), "nothing started: " + play.out());
        Cli arena = Cli.run("arena", "--env", "ConnectFour-v0", "--players", ticTacToe + ",random", "--games", "2");
        assertEquals(2, arena.exitCode());
        assertTrue(arena.err().contains("is an agent for TicTacToe-v0"), arena.err());
        Cli eval = Cli.run("eval", "--agent-file", ticTacToe, "--env", "ConnectFour-v0", "--episodes", "1");
        assertEquals(2, eval.exitCode());
        assertTrue(eval.err().contains("was trained on TicTacToe-v0") && eval.err().contains("does not fit ConnectFour-v0"),
                eval.err());
    }

    @Test
    void solveAnswersWithScoresAndRefusesBadMoves() {
        Cli cli = Cli.run("solve", "--env", "ConnectFour-v0", "--moves", "112233", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonObject answer = JsonParser.parseString(cli.out()).getAsJsonObject();
        assertEquals(18, answer.get("score").getAsInt());
        assertEquals(18, answer.getAsJsonObject("move_scores").get("4").getAsInt());
        assertEquals("[4]", answer.get("best_moves").toString());
        Cli text = Cli.run("solve", "--env", "TicTacToe-v0", "--moves", "5");
        assertTrue(text.out().contains("score 0: a draw with best play"), text.out());
        assertTrue(text.out().contains("1:0  2:-2"), "corners draw, edges lose: " + text.out());

        Cli outOfRange = Cli.run("solve", "--env", "ConnectFour-v0", "--moves", "4483");
        assertEquals(2, outOfRange.exitCode());
        assertTrue(outOfRange.err().contains("move 3 ('8') of '4483' is out of range"), outOfRange.err());
        Cli over = Cli.run("solve", "--env", "ConnectFour-v0", "--moves", "1212121");
        assertEquals(2, over.exitCode());
        assertTrue(over.err().contains("the game is over after '1212121'"), over.err());
        Cli othello = Cli.run("solve", "--env", "Othello-v0");
        assertEquals(2, othello.exitCode());
        assertTrue(othello.err().contains("no exact solver"), othello.err());
        Cli othelloArena = Cli.run("arena", "--env", "Othello-v0", "--players", "solver,random", "--games", "2");
        assertEquals(2, othelloArena.exitCode());
        assertTrue(othelloArena.err().contains("player 'solver' cannot play Othello-v0"), othelloArena.err());
        Cli othelloEnv = Cli.run("check-env", "Othello-v0", "--env-opt", "opponent=random+solver");
        assertEquals(2, othelloEnv.exitCode());
        assertTrue(othelloEnv.err().contains("solver plays Connect Four and tic-tac-toe only"), othelloEnv.err());
    }

    @Test
    void arenaPositionsReportsEachPlayersMistakeRate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String file = dir.resolve("ttt.txt").toString();
        Cli made = Cli.run("positions", "--env", "TicTacToe-v0", "--all", "--out", file);
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(made.out().contains("wrote 4520 positions"), made.out());
        Cli cli = Cli.run("arena", "--env", "TicTacToe-v0", "--positions", file, "--players", "solver,random",
                "--seed", "1", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonArray players = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonArray("players");
        JsonObject solver = players.get(0).getAsJsonObject();
        assertEquals("solver", solver.get("player").getAsString());
        assertEquals(4520, solver.get("positions").getAsInt());
        assertEquals(0.0, solver.get("mistake_rate").getAsDouble());
        assertEquals(1.0, solver.get("best_move_rate").getAsDouble());
        assertTrue(players.get(1).getAsJsonObject().get("mistake_rate").getAsDouble() > 0.1);
        Cli both = Cli.run("arena", "--env", "TicTacToe-v0", "--positions", file, "--players", "solver", "--all-lines");
        assertEquals(2, both.exitCode());
    }

    @Test
    void anAlphaZeroAgentSearchesWithTheSimulationsAsked() {
        String agent = java.nio.file.Path.of(System.getProperty("rlarena.root", "."), "agents", "reference",
                "TicTacToe-v0-alphazero.zip").toString();
        Cli lines = Cli.run("arena", "--env", "TicTacToe-v0", "--players", agent + ",minimax", "--all-lines",
                "--simulations", "20", "--json");
        assertEquals(0, lines.exitCode(), lines.err());
        for (com.google.gson.JsonElement side : JsonParser.parseString(lines.out()).getAsJsonObject()
                .getAsJsonArray("all_lines")) {
            assertEquals(0, side.getAsJsonObject().get("losses").getAsInt(), lines.out());
        }
        Cli pointless = Cli.run("arena", "--env", "TicTacToe-v0", "--players", "random,minimax", "--simulations", "5");
        assertEquals(2, pointless.exitCode());
        assertTrue(pointless.err().contains("--simulations sets the search of AlphaZero agents"), pointless.err());
        Cli zero = Cli.run("arena", "--env", "TicTacToe-v0", "--players", agent + ",random", "--simulations", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--simulations must be >= 1"), zero.err());
    }
}
