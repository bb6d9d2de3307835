package io.rlarena.agent.pg;

/**
 * Return and advantage estimates for policy-gradient rollouts. A rollout of {@code steps} vector
 * steps over {@code envs} copies is stored row-major by time: index {@code t * envs + e}. Where
 * an episode ends inside the rollout, nothing flows across the boundary: a terminated step has
 * no future value, while a truncated one (time limit) bootstraps from the value of its real last
 * observation ({@code finalValues}, read only at truncated steps). The last step of the rollout
 * bootstraps from {@code lastValues}, the values of the observations the rollout stops at.
 */
public final class Returns {

    private Returns() {
    }

    /**
     * Discounted returns of one episode: {@code G_t = r_t + gamma G_(t+1)}, with
     * {@code G_T = bootstrap} (0 after termination, the value of the last observation after truncation).
     */
    public static float[] discounted(float[] rewards, double gamma, double bootstrap) {
        float[] returns = new float[rewards.length];
        double next = bootstrap;
        for (int t = rewards.length - 1; t >= 0; t--) {
            next = rewards[t] + gamma * next;
            returns[t] = (float) next;
        }
        return returns;
    }

    /**
     * n-step returns (A2C): each step's discounted rewards up to the end of its episode or of the
     * rollout, plus the discounted value found there. Written to {@code out}.
     */
    public static void nStep(float[] rewards, boolean[] terminated, boolean[] truncated, float[] finalValues,
                             float[] lastValues, int steps, int envs, double gamma, float[] out) {
        for (int e = 0; e < envs; e++) {
            double next = lastValues[e];
            for (int t = steps - 1; t >= 0; t--) {
                int i = t * envs + e;
                if (terminated[i]) {
                    next = 0;
                } else if (truncated[i]) {
                    next = finalValues[i];
                }
                next = rewards[i] + gamma * next;
                out[i] = (float) next;
            }
        }
    }

    /**
     * Generalized advantage estimation (Schulman et al. 2016):
     * {@code A_t = delta_t + gamma lambda A_(t+1)} within an episode, with
     * {@code delta_t = r_t + gamma V(s_(t+1)) - V(s_t)}. Lambda 1 gives the n-step return minus
     * the value; lambda 0 the one-step TD error. Written to {@code out}.
     */
    public static void gae(float[] rewards, float[] values, boolean[] terminated, boolean[] truncated,
                           float[] finalValues, float[] lastValues, int steps, int envs, double gamma, double lambda,
                           float[] out) {
        for (int e = 0; e < envs; e++) {
            double advantage = 0;
            for (int t = steps - 1; t >= 0; t--) {
                int i = t * envs + e;
                double nextValue;
                if (terminated[i]) {
                    nextValue = 0;
                    advantage = 0;
                } else if (truncated[i]) {
                    nextValue = finalValues[i];
                    advantage = 0;
                } else {
                    nextValue = t == steps - 1 ? lastValues[e] : values[i + envs];
                }
                double delta = rewards[i] + gamma * nextValue - values[i];
                advantage = delta + gamma * lambda * advantage;
                out[i] = (float) advantage;
            }
        }
    }

    /** Scales {@code values[from .. to)} in place to mean 0 and standard deviation 1 (unchanged if constant). */
    public static void normalize(float[] values, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        for (int i = from; i < to; i++) {
            values[i] = (float) ((values[i] - mean) / (std + 1e-8));
        }
    }
}
