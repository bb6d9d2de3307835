package io.rlarena.agent;

/** What a learning loop reports: every environment step, every finished episode and every update. */
public interface TrainingListener {

    /** Called after environment step {@code step} (1-based) and any learning it triggered. */
    default void onStep(long step) {
    }

    default void onEpisode(EpisodeStats episode) {
    }

    /**
     * Called after each learning update (DQN: a phase of gradient steps; policy gradients: a
     * rollout's optimization) with its mean loss, which is not finite when training diverged.
     */
    default void onUpdate(double loss) {
    }

    /**
     * Called where the learner's state is complete through environment step {@code step}: every
     * step and episode up to it reported, nothing after it begun, so a checkpoint written now
     * resumes exactly. DQN reaches one after each vector step, the policy-gradient agents after
     * each update.
     */
    default void onBoundary(long step) {
    }

    /** Checked after each step's report: true ends training early (e.g. once a target is reached). */
    default boolean stopRequested() {
        return false;
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
