package io.rlarena.agent;

/**
 * One finished training episode: the step count at its end, its index, undiscounted return,
 * length, mean training loss since the previous episode (NaN before learning starts), the
 * exploration rate at its end, and whether it counted as a success.
 */
public record EpisodeStats(long step, long episode, double episodeReturn, int length, double loss,
                           double epsilon, boolean success) {
}
