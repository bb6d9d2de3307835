package io.rlarena.agent;

/** What a learning loop reports: every environment step, and every finished episode. */
public interface TrainingListener {

    /** Called after environment step {@code step} (1-based) and any learning it triggered. */
    default void onStep(long step) {
    }

    default void onEpisode(EpisodeStats episode) {
    }

    /** Checked after each step's report: true ends training early (e.g. once a target is reached). */
    default boolean stopRequested() {
        return false;
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
