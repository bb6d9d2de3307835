package io.rlarena.cli;

import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench command on tiny budgets: every part reported, as text and JSON, and bad input refused. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresEveryPartAndWritesTheJsonReport() throws Exception {
        Path report = dir.resolve("bench.json");
        Cli result = Cli.run("bench", "--env", "CartPole-v1", "--agent", "ppo", "--repeats", "2", "--env-steps", "2000",
                "--copies", "4", "--calls", "3", "--train-steps", "600", "--json", "--out", report.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonObject json = Json.GSON.fromJson(result.out(), JsonObject.class);
        assertEquals(json, Json.GSON.fromJson(Files.readString(report), JsonObject.class));
        assertTrue(json.getAsJsonObject("machine").get("cores").getAsInt() >= 1);
        assertTrue(json.get("backend").getAsString().startsWith("CpuBackend"), json.get("backend").toString());
        assertTrue(json.getAsJsonObject("env_speed").getAsJsonObject("steps_per_second").get("median").getAsDouble() > 0);
        assertEquals(4, json.getAsJsonObject("env_speed").get("copies").getAsInt());
        assertEquals(6, json.getAsJsonArray("inference").size(), "batches 1, 8, 32, 64, 128, 256");
        assertEquals(2, json.getAsJsonArray("inference").get(0).getAsJsonObject().getAsJsonObject("micros_per_call")
                .get("repeats").getAsInt());
        assertEquals(256, json.getAsJsonObject("updates").get("batch").getAsInt(), "the PPO preset's batch_size");
        assertEquals(600, json.getAsJsonObject("training").get("steps").getAsLong());
    }

    @Test
    void textReportForDqnAndOnlyTheAskedParts() {
        Cli result = Cli.run("bench", "--env", "FrozenLake-v1", "--agent", "dqn", "--parts", "updates", "--repeats", "1",
                "--calls", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("training updates/s (batch 128)"), result.out());
        assertTrue(!result.out().contains("env steps/s"), result.out());
    }

    @Test
    void scenarioReportsTheStepsToSolve() {
        Cli result = Cli.run("bench", "--scenario", "cartpole-a2c", "--seeds", "1", "--max-steps", "10240",
                "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonObject scenario = Json.GSON.fromJson(result.out(), JsonObject.class).getAsJsonObject("scenario");
        assertEquals(1, scenario.getAsJsonArray("runs").size());
        assertEquals("cartpole-a2c", scenario.getAsJsonObject("scenario").get("name").getAsString());
        JsonObject run = scenario.getAsJsonArray("runs").get(0).getAsJsonObject();
        // the A2C preset solves seed 1 at 10,000 steps (results/pg-cartpole.md); evaluations every 5,000;
        // 10,240 steps are 80 whole rollouts of 16 x 8, so the run matches the uncapped one
        assertTrue(run.get("solved").getAsBoolean(), run.toString());
        assertEquals(0, run.get("steps").getAsLong() % 5000, run.toString());
    }

    @Test
    void badInputIsExitCodeTwo() {
        Cli unknown = Cli.run("bench", "--scenario", "moon-landing");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("available: cartpole-a2c, cartpole-dqn, cartpole-ppo"), unknown.err());
        assertEquals(2, Cli.run("bench", "--parts", "everything").exitCode());
        assertEquals(2, Cli.run("bench", "--repeats", "0").exitCode());
    }

    @Test
    void timesTheSolverOnAPositionFileAndChecksItsScores() throws Exception {
        Path file = dir.resolve("end.txt");
        Files.writeString(file, "112233 18\n33445 -18\n");
        Cli result = Cli.run("bench", "--solver", file.toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonObject timing = Json.GSON.fromJson(result.out(), JsonObject.class).getAsJsonArray("solver").get(0)
                .getAsJsonObject();
        assertEquals(2, timing.get("positions").getAsInt());
        assertEquals(5, timing.get("min_stones").getAsInt());
        assertEquals(2, timing.getAsJsonObject("millis_per_position").get("repeats").getAsInt());

        Files.writeString(file, "33445 -17 -18 -18 -18 -18 -18 -18 -17\n");
        Cli wrong = Cli.run("bench", "--solver", file.toString());
        assertEquals(1, wrong.exitCode(), "a file whose labels the solver contradicts: " + wrong.out());
        assertTrue(wrong.err().contains("the solver scores '33445' -18, the file -17"), wrong.err());
    }
}
