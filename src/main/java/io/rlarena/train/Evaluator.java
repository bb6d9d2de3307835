package io.rlarena.train;

import io.rlarena.agent.Policy;
import io.rlarena.agent.baselines.ValueIteration;
import io.rlarena.env.Environment;
import io.rlarena.env.Seeds;
import io.rlarena.env.Step;
import io.rlarena.env.TabularModel;
import io.rlarena.env.Wrapper;

import java.util.function.IntConsumer;

/**
 * Runs a policy for a number of episodes, each reset with its own seed derived from one root
 * seed, and compares it with the exact oracle where the environment has a tabular model.
 */
public final class Evaluator {

    /** Episode cap for environments without a time limit, so a looping policy cannot hang evaluation. */
    public static final int UNLIMITED_STEP_CAP = 10_000;

    private Evaluator() {
    }

    public static EvalResult evaluate(Environment env, Policy policy, int episodes, long seed) {
        return evaluate(env, policy, episodes, seed, done -> { });
    }

    /** {@link #evaluate(Environment, Policy, int, long)}, telling {@code progress} the episodes done after each. */
    public static EvalResult evaluate(Environment env, Policy policy, int episodes, long seed, IntConsumer progress) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        int horizon = horizon(env);
        double sum = 0;
        double sumSquares = 0;
        long lengths = 0;
        int successes = 0;
        int truncated = 0;
        double pathRatios = 0;
        int solvedWithOracle = 0;
        for (int e = 0; e < episodes; e++) {
            float[] observation = env.reset(Seeds.derive(seed, "eval", e)).observation();
            double episodeReturn = 0;
            for (int t = 1; ; t++) {
                Step step = env.step(policy.act(observation, env.actionMask()));
                episodeReturn += step.reward();
                observation = step.observation();
                if (step.done() || t >= horizon) {
                    lengths += t;
                    if (step.success()) {
                        successes++;
                        if (step.info().get("optimal_steps") instanceof Integer optimal && optimal > 0) {
                            pathRatios += (double) t / optimal;
                            solvedWithOracle++;
                        }
                    }
                    if (!step.terminated()) {
                        truncated++;
                    }
                    break;
                }
            }
            sum += episodeReturn;
            sumSquares += episodeReturn * episodeReturn;
            progress.accept(e + 1);
        }
        double mean = sum / episodes;
        double std = Math.sqrt(Math.max(0, sumSquares / episodes - mean * mean));
        Double optimalReturn = null;
        Double optimalSuccess = null;
        Double exactReturn = null;
        Double exactSuccess = null;
        if (Wrapper.unwrap(env) instanceof TabularModel model) {
            ValueIteration.Outcome optimal = ValueIteration.optimal(model, horizon);
            ValueIteration.Outcome exact = ValueIteration.evaluate(model, greedyTable(env, model, policy), horizon);
            optimalReturn = optimal.expectedReturn();
            optimalSuccess = optimal.successRate();
            exactReturn = exact.expectedReturn();
            exactSuccess = exact.successRate();
        }
        return new EvalResult(env.spec().id(), episodes, seed, mean, std, (double) successes / episodes,
                (double) lengths / episodes, truncated, solvedWithOracle == 0 ? null : pathRatios / solvedWithOracle,
                optimalReturn, optimalSuccess, exactReturn, exactSuccess);
    }

    /** The episode limit: the spec's time limit, or {@link #UNLIMITED_STEP_CAP}. */
    public static int horizon(Environment env) {
        int limit = env.spec().maxEpisodeSteps();
        return limit > 0 ? limit : UNLIMITED_STEP_CAP;
    }

    private static java.util.function.IntUnaryOperator greedyTable(Environment env, TabularModel model, Policy policy) {
        int[] actions = new int[model.numStates()];
        boolean[] all = env.actionSpace().allLegal();
        for (int s = 0; s < actions.length; s++) {
            actions[s] = policy.act(Wrapper.encode(env, new float[] {s}), all);
        }
        return s -> actions[s];
    }
}
