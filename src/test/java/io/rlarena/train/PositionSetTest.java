package io.rlarena.train;

import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.ConnectFour;
import io.rlarena.envs.board.ConnectFourSolver;
import io.rlarena.envs.board.GameSolver;
import io.rlarena.envs.board.MinimaxSolver;
import io.rlarena.envs.board.Opponent;
import io.rlarena.envs.board.TicTacToe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labelled position sets: the file format, sampling, and mistake rates. */
class PositionSetTest {

    @TempDir
    Path dir;

    @Test
    void badMoveStringsNameTheOffendingMove() {
        assertTrue(message(() -> PositionSet.play(ConnectFour::new, "4483")).contains("move 3 ('8') of '4483' is out of range"));
        assertTrue(message(() -> PositionSet.play(ConnectFour::new, "44a")).contains("move 3 ('a')"));
        assertTrue(message(() -> PositionSet.play(ConnectFour::new, "4444444")).contains("move 7 ('4') of '4444444' is illegal"));
        assertTrue(message(() -> PositionSet.play(ConnectFour::new, "12121214"))
                .contains("move 8 ('4') of '12121214' comes after the game ended"));
        assertTrue(message(() -> PositionSet.play(TicTacToe::new, "55")).contains("is illegal"));
    }

    @Test
    void everyReachableTicTacToePositionIsLabelledByMinimax() {
        List<PositionSet.Position> all = PositionSet.all(TicTacToe::new, new MinimaxSolver());
        assertEquals(4520, all.size(), "tic-tac-toe has 5,478 legal positions, 958 of them over");
        PositionSet.Position start = all.get(0);
        assertEquals("", start.moves());
        assertEquals(0, start.score(), "tic-tac-toe is a draw");
        // After a centre opening, corners draw and edges lose: X wins with its fourth stone (6 - 4).
        PositionSet.Position centre = all.stream().filter(p -> p.moves().equals("5")).findFirst().orElseThrow();
        assertEquals(0, centre.moveScores()[0]);
        assertEquals(-2, centre.moveScores()[1]);
        assertTrue(centre.isMistake(1));
        assertFalse(centre.isMistake(0));
    }

    @Test
    void theSolverMakesNoMistakesAndRandomPlayMakesMany() {
        List<PositionSet.Position> all = PositionSet.all(TicTacToe::new, new MinimaxSolver());
        PositionSet.Rates solver = PositionSet.measure(all, TicTacToe::new, new Arena.Player("solver",
                Opponent.parse("solver")), 1, done -> { });
        assertEquals(0, solver.mistakes());
        assertEquals(all.size(), solver.bestMoves());
        PositionSet.Rates random = PositionSet.measure(all, TicTacToe::new, new Arena.Player("random",
                Opponent.parse("random")), 1, done -> { });
        assertTrue(random.mistakeRate() > 0.1 && random.mistakeRate() < 0.9, "random: " + random);
    }

    @Test
    void sampledPositionsAreDistinctUndecidedAndRepeatable() {
        GameSolver solver = new ConnectFourSolver();
        List<PositionSet.Position> positions = PositionSet.sample(ConnectFour::new, solver, 40, 29, 36, 5, done -> { });
        assertEquals(40, positions.size());
        assertEquals(40, new HashSet<>(positions.stream().map(PositionSet.Position::moves).toList()).size());
        for (PositionSet.Position position : positions) {
            assertTrue(position.moves().length() >= 29 && position.moves().length() <= 36, position.moves());
            TurnBasedGame game = PositionSet.play(ConnectFour::new, position.moves());
            assertFalse(game.isOver());
            assertTrue(position.score() < 22 - (position.moves().length() / 2 + 1), "the mover can win at once after " + position.moves());
            assertEquals(GameSolver.best(position.moveScores()), position.score());
        }
        List<String> again = PositionSet.sample(ConnectFour::new, solver, 40, 29, 36, 5, done -> { }).stream()
                .map(PositionSet.Position::line).toList();
        assertEquals(positions.stream().map(PositionSet.Position::line).toList(), again);
    }

    @Test
    void filesRoundTripAndLinesWithoutMoveScoresAreSolved() throws IOException {
        GameSolver solver = new ConnectFourSolver();
        List<PositionSet.Position> positions = PositionSet.sample(ConnectFour::new, solver, 5, 30, 34, 2, done -> { });
        Path file = dir.resolve("set.txt");
        PositionSet.write(file, "five positions\nfor a test", positions);
        assertTrue(Files.readString(file).startsWith("# five positions\n# for a test\n"));
        List<PositionSet.Position> read = PositionSet.read(file, ConnectFour::new, solver);
        assertEquals(positions.stream().map(PositionSet.Position::line).toList(),
                read.stream().map(PositionSet.Position::line).toList());

        PositionSet.Position first = positions.get(0);
        Files.writeString(file, first.moves() + " " + first.score() + "\n");
        assertEquals(first.line(), PositionSet.read(file, ConnectFour::new, solver).get(0).line());
    }

    @Test
    void aWrongLineIsAnErrorNamingFileAndLine() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "# header\n33445 -17\n");
        String wrongScore = message(() -> PositionSet.read(file, ConnectFour::new, new ConnectFourSolver()));
        assertTrue(wrongScore.contains("bad.txt line 2: score -17 is not the best of the moves' scores"), wrongScore);
        Files.writeString(file, "112233 18 1 2 3\n");
        assertTrue(message(() -> PositionSet.read(file, ConnectFour::new, new ConnectFourSolver()))
                .contains("line 1: expected 2 or 9 fields, got 5"));
        Files.writeString(file, "444444 0 0 0 0 0 0 0 0\n");
        assertTrue(message(() -> PositionSet.read(file, ConnectFour::new, new ConnectFourSolver()))
                .contains("action 4 is illegal but its score is '0'"));
        Files.writeString(file, "\n# nothing\n");
        assertTrue(message(() -> PositionSet.read(file, ConnectFour::new, new ConnectFourSolver()))
                .contains("holds no positions"));
    }

    /** The committed sets: every line well formed and consistent, a sample of each re-solved to the same scores. */
    @Test
    void theCommittedSetsAgreeWithTheSolver() {
        Path root = Path.of(System.getProperty("rlarena.root", "."), "environments");
        ConnectFourSolver solver = new ConnectFourSolver();
        int[][] checks = {{8, 14, 8}, {15, 28, 60}, {29, 41, 200}};
        String[] names = {"begin", "middle", "end"};
        for (int f = 0; f < names.length; f++) {
            List<PositionSet.Position> set = PositionSet.read(root.resolve("connect4/" + names[f] + ".txt"),
                    ConnectFour::new, solver);
            assertEquals(1000, set.size(), names[f]);
            assertEquals(1000, new HashSet<>(set.stream().map(PositionSet.Position::moves).toList()).size());
            for (PositionSet.Position position : set) {
                int stones = position.moves().length();
                assertTrue(stones >= checks[f][0] && stones <= checks[f][1], names[f] + ": " + position.moves());
            }
            for (int i = 0; i < checks[f][2]; i++) {
                PositionSet.Position position = set.get(i * (set.size() / checks[f][2]));
                int[] solved = solver.moveScores(PositionSet.play(ConnectFour::new, position.moves()));
                assertEquals(java.util.Arrays.toString(position.moveScores()), java.util.Arrays.toString(solved),
                        names[f] + " " + position.moves());
            }
        }
        List<PositionSet.Position> ticTacToe = PositionSet.read(root.resolve("tictactoe/all.txt"), TicTacToe::new,
                new MinimaxSolver());
        assertEquals(PositionSet.all(TicTacToe::new, new MinimaxSolver()).stream().map(PositionSet.Position::line).toList(),
                ticTacToe.stream().map(PositionSet.Position::line).toList());
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }
}
