package io.rlarena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eval --record, then replay: in the terminal, verified, as a page; edited and broken files. */
class ReplayCliTest {

    private static final String AGENT = Path.of(System.getProperty("rlarena.root", "."), "agents", "reference",
            "TicTacToe-v0-dqn.zip").toString();

    @TempDir
    Path dir;

    private Path recorded() {
        Path file = dir.resolve("ttt.jsonl");
        Cli eval = Cli.run("eval", "--agent-file", AGENT, "--episodes", "3", "--seed", "5", "--record", file.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        return file;
    }

    @Test
    void recordedEpisodesReplayVerifyAndBecomeAPage() throws Exception {
        Path file = recorded();
        Cli play = Cli.run("replay", file.toString(), "--speed", "0");
        assertEquals(0, play.exitCode(), play.err());
        assertTrue(play.out().contains("episode 2  step 0/"), play.out());
        assertTrue(play.out().contains("3 episode(s)") && play.out().contains("verified"), play.out());

        Cli verify = Cli.run("replay", file.toString(), "--verify");
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("verified: re-simulation matches every recorded step"), verify.out());

        Path html = dir.resolve("page.html");
        Cli page = Cli.run("replay", file.toString(), "--html", html.toString());
        assertEquals(0, page.exitCode(), page.err());
        String text = Files.readString(html);
        assertTrue(text.contains("<canvas") && text.contains("\"frames\"") && !text.contains("/*DATA*/"));
        assertTrue(!text.contains("http://") && !text.contains("https://"), "the page needs no network");
    }

    @Test
    void anEditedStepFailsVerifyWithExitOneAndABrokenFileExitsTwo() throws Exception {
        Path file = recorded();
        List<String> lines = Files.readAllLines(file);
        String last = lines.get(lines.size() - 1);
        int lineNumber = lines.size();
        lines.set(lineNumber - 1, last.replaceFirst("\"reward\":-?[0-9.]+", "\"reward\":7.0"));
        Files.write(file, lines);
        Cli verify = Cli.run("replay", file.toString(), "--verify");
        assertEquals(1, verify.exitCode());
        assertTrue(verify.out().contains("MISMATCH at line " + lineNumber) && verify.out().contains("recorded reward 7.0"),
                verify.out());

        String text = Files.readString(file);
        int thirdLine = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        Files.writeString(file, text.substring(0, thirdLine + 20)); // cut in the middle of line 3
        Cli broken = Cli.run("replay", file.toString(), "--verify");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("line 3") && broken.err().contains("bad JSON"), broken.err());
    }

    @Test
    void trainingRecordsGreedyEpisodesThatReplay() throws Exception {
        Path run = dir.resolve("run");
        Cli train = Cli.run("train", "--env", "Maze-v0", "--env-opt", "size=5", "--agent", "ppo", "--seed", "2",
                "--steps", "2048", "--set", "n_envs=4", "--record-every", "1024", "--run-dir", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        List<Path> episodes;
        try (var files = Files.list(run.resolve("episodes"))) {
            episodes = files.sorted().toList();
        }
        assertEquals(List.of("step-000000001024.jsonl", "step-000000002048.jsonl"),
                episodes.stream().map(p -> p.getFileName().toString()).toList());
        Cli verify = Cli.run("replay", episodes.get(1).toString(), "--verify");
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("at step 2048"), verify.out());
    }

    @Test
    void connectFourMazeAndCartPoleEpisodesReplayInTheTerminal() {
        Map<String, String> boardOf = Map.of("ConnectFour-v0", "1 2 3 4 5 6 7", "Maze-v0", "shortest path",
                "CartPole-v1", "theta=");
        for (var env : boardOf.entrySet()) {
            Path file = io.rlarena.record.EpisodeFileTestAccess.record(dir.resolve(env.getKey() + ".jsonl"),
                    env.getKey());
            Cli replay = Cli.run("replay", file.toString(), "--speed", "0");
            assertEquals(0, replay.exitCode(), replay.err());
            assertTrue(replay.out().contains(env.getValue()) && replay.out().contains("verified"), replay.out());
        }
    }

    @Test
    void aRecordingIsReplacedOnlyByACompleteEvaluationAndOnlyWithForce() throws Exception {
        Path file = recorded();
        String before = Files.readString(file);
        Cli again = Cli.run("eval", "--agent-file", AGENT, "--episodes", "1", "--seed", "6", "--record", file.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        Cli failing = Cli.run("eval", "--agent-file", AGENT, "--env", "ConnectFour-v0", "--episodes", "1", "--record",
                file.toString(), "--force");
        assertEquals(2, failing.exitCode(), failing.out() + failing.err());
        assertEquals(before, Files.readString(file), "a failed evaluation leaves the recording as it was");
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
        Cli forced = Cli.run("eval", "--agent-file", AGENT, "--episodes", "1", "--seed", "6", "--record", file.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(file).lines().count() < before.lines().count(), "replaced by the 1-episode recording");
        Path agentCopy = dir.resolve("agent.zip");
        Files.copy(Path.of(AGENT), agentCopy);
        Cli ontoAgent = Cli.run("eval", "--agent-file", agentCopy.toString(), "--episodes", "1", "--record",
                agentCopy.toString(), "--force");
        assertEquals(2, ontoAgent.exitCode());
        assertTrue(ontoAgent.err().contains("is the agent file"), ontoAgent.err());
        assertEquals(Files.size(Path.of(AGENT)), Files.size(agentCopy), "the agent is untouched");
    }
}
