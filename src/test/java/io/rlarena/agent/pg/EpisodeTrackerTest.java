package io.rlarena.agent.pg;

import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.TestEnvs;
import io.rlarena.env.TimeLimit;
import io.rlarena.env.VectorEnv;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpisodeTrackerTest {

    @Test
    void episodesEndAtTheStepCountOfTheActiveCopiesOnly() {
        // every episode lasts one step; copy 0 sits the vector step out, as REINFORCE's finished copies do
        try (VectorEnv vector = new VectorEnv(() -> new TimeLimit(new TestEnvs.Chain(), 1), 3, 1)) {
            vector.reset(1);
            boolean[] active = {false, true, true};
            vector.step(new int[] {0, 0, 0}, active);
            List<EpisodeStats> ended = new ArrayList<>();
            new EpisodeTracker(3).record(vector, 10, active, new TrainingListener() {
                @Override
                public void onEpisode(EpisodeStats episode) {
                    ended.add(episode);
                }
            });
            assertEquals(List.of(11L, 12L), ended.stream().map(EpisodeStats::step).toList(),
                    "two active copies took steps 11 and 12");
            assertEquals(List.of(0L, 1L), ended.stream().map(EpisodeStats::episode).toList());
        }
    }
}
