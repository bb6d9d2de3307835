package io.rlarena.env;

/**
 * An environment whose state between episodes can be read and set: its random generator's
 * state, and whatever else it carries from one episode into the next. With it, a checkpoint
 * rebuilds an episode in progress exactly ({@link EpisodeLog}: the state before the episode's
 * reset, then its actions replayed), so a resumed run continues as the uninterrupted one would.
 * {@link SeededEnvironment} implements it for every environment whose randomness is its
 * {@code random()}; a plug-in with other state carried across episodes adds it by overriding.
 */
public interface Resumable {

    /** The state carried into the next {@link Environment#reset()}. */
    long[] betweenEpisodes();

    /**
     * Sets what {@link #betweenEpisodes()} returned.
     *
     * @throws IllegalArgumentException if {@code state} is not such a state
     */
    void restoreBetweenEpisodes(long[] state);
}
