package io.rlarena.train;

/**
 * The outcome of evaluating a greedy policy. The oracle fields are null unless the environment
 * has an exact model: {@code optimal*} is the best any policy can do within the episode limit
 * (value iteration), {@code exact*} is what this policy does, computed exactly from the model.
 * {@code meanPathRatio} (null unless the environment reports {@code optimal_steps}, as mazes do)
 * is the mean of episode length / shortest path over solved episodes.
 */
public record EvalResult(String env, int episodes, long seed, double meanReturn, double stdReturn,
                         double successRate, double meanLength, int truncated, Double meanPathRatio,
                         Double optimalReturn, Double optimalSuccessRate, Double exactReturn, Double exactSuccessRate) {
}
