package io.rlarena.agent.pg;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Environment;
import io.rlarena.nn.ActorCritic;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * REINFORCE (Williams 1992) with a learned baseline: each update plays one complete episode on
 * every one of {@code n_envs} copies under the current policy (acting on all copies with one
 * batched forward pass per step; a copy whose episode is over waits for the others), then takes
 * one gradient step on all their transitions with advantages {@code G_t - V(s_t)}, Monte-Carlo
 * returns that bootstrap from the baseline only where a time limit cut an episode off, while the
 * value head regresses on {@code G_t}.
 */
public final class Reinforce extends PolicyGradient {

    public static final Algorithm ALGORITHM = new Algorithm("reinforce", ReinforceConfig.DEFAULTS,
            (config, envs, seed) -> new Reinforce((ReinforceConfig) config, envs, seed), ActorCriticPolicy::load);

    private final ReinforceConfig config;

    public Reinforce(ReinforceConfig config, Supplier<Environment> envs, long seed) {
        super(config, envs, seed);
        this.config = config;
    }

    /** The transitions of one episode, and its returns once it is over. */
    private static final class Episode {
        private final int observationSize;
        private final int actionCount;
        float[] observations;
        boolean[] masks;
        int[] actions = new int[64];
        float[] logProbs = new float[64];
        float[] values = new float[64];
        float[] rewards = new float[64];
        float[] returns;
        int length;

        Episode(int observationSize, int actionCount) {
            this.observationSize = observationSize;
            this.actionCount = actionCount;
            this.observations = new float[64 * observationSize];
            this.masks = new boolean[64 * actionCount];
        }

        void add(float[] batchObservations, boolean[] batchMasks, int copy, int action, float logProb, float value) {
            if (length == actions.length) {
                int capacity = 2 * length;
                observations = Arrays.copyOf(observations, capacity * observationSize);
                masks = Arrays.copyOf(masks, capacity * actionCount);
                actions = Arrays.copyOf(actions, capacity);
                logProbs = Arrays.copyOf(logProbs, capacity);
                values = Arrays.copyOf(values, capacity);
                rewards = Arrays.copyOf(rewards, capacity);
            }
            System.arraycopy(batchObservations, copy * observationSize, observations, length * observationSize,
                    observationSize);
            System.arraycopy(batchMasks, copy * actionCount, masks, length * actionCount, actionCount);
            actions[length] = action;
            logProbs[length] = logProb;
            values[length] = value;
            length++;
        }
    }

    @Override
    public void learn(long totalSteps, TrainingListener listener) {
        long step = begin();
        int copies = vector.size();
        int actionCount = vector.actionCount();
        double[] scratch = new double[actionCount];
        while (step < totalSteps) {
            // collect: one complete episode per copy (fewer if the step budget runs out)
            Episode[] episodes = new Episode[copies];
            boolean[] active = new boolean[copies];
            for (int e = 0; e < copies; e++) {
                episodes[e] = new Episode(vector.observationSize(), actionCount);
                active[e] = true;
            }
            int[] actions = new int[copies];
            long stepsThisRound = 0;
            int running = copies;
            while (running > 0 && step + stepsThisRound < totalSteps) {
                ActorCritic.Output out = network.output(vector.observations(), copies);
                for (int e = 0; e < copies; e++) {
                    if (active[e]) {
                        actions[e] = Categorical.sample(out.logits(), vector.masks(), e, actionCount, sampling, scratch);
                        episodes[e].add(vector.observations(), vector.masks(), e, actions[e],
                                (float) Categorical.logProb(out.logits(), vector.masks(), e, actionCount, actions[e]),
                                out.values()[e]);
                    }
                }
                vector.step(actions, active);
                tracker.record(vector, step + stepsThisRound, active, listener);
                for (int e = 0; e < copies; e++) {
                    if (active[e]) {
                        stepsThisRound++;
                        Episode episode = episodes[e];
                        episode.rewards[episode.length - 1] = vector.rewards()[e];
                        if (vector.done(e)) {
                            double bootstrap = vector.truncated()[e] && !vector.terminated()[e]
                                    ? network.output(vector.finalObservation(e), 1).values()[0] : 0;
                            episode.returns = Returns.discounted(Arrays.copyOf(episode.rewards, episode.length),
                                    config.gamma(), bootstrap);
                            active[e] = false;
                            running--;
                        }
                    }
                }
            }
            // optimize: one step on every finished episode's transitions (none when no episode finished: NaN)
            tracker.loss = update(episodes);
            if (Arrays.stream(episodes).anyMatch(episode -> episode.returns != null)) {
                listener.onUpdate(tracker.loss);
            }
            step = PolicyGradient.reportSteps(step, (int) stepsThisRound, totalSteps, listener);
            listener.onBoundary(step);
        }
    }

    private double update(Episode[] episodes) {
        int total = 0;
        for (Episode episode : episodes) {
            total += episode.returns == null ? 0 : episode.length;
        }
        if (total == 0) {
            return Double.NaN;
        }
        int observationSize = vector.observationSize();
        int actionCount = vector.actionCount();
        float[] observations = new float[total * observationSize];
        boolean[] masks = new boolean[total * actionCount];
        int[] actions = new int[total];
        float[] logProbs = new float[total];
        float[] advantages = new float[total];
        float[] returns = new float[total];
        int[] rows = new int[total];
        int at = 0;
        for (Episode episode : episodes) {
            if (episode.returns == null) {
                continue;
            }
            System.arraycopy(episode.observations, 0, observations, at * observationSize, episode.length * observationSize);
            System.arraycopy(episode.masks, 0, masks, at * actionCount, episode.length * actionCount);
            System.arraycopy(episode.actions, 0, actions, at, episode.length);
            System.arraycopy(episode.logProbs, 0, logProbs, at, episode.length);
            System.arraycopy(episode.returns, 0, returns, at, episode.length);
            for (int t = 0; t < episode.length; t++) {
                advantages[at + t] = episode.returns[t] - episode.values[t];
                rows[at + t] = at + t;
            }
            at += episode.length;
        }
        return PolicyGradient.fit(network, observations, masks, actions, logProbs, rows, 0, total, advantages, returns,
                config.normalizeAdvantage());
    }
}
