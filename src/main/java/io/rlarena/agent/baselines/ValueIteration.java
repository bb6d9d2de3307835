package io.rlarena.agent.baselines;

import io.rlarena.env.TabularModel;
import io.rlarena.env.TabularModel.Transition;

import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Exact dynamic programming over a {@link TabularModel}: the oracle that gridworld agents are
 * checked against. Discounted value iteration gives optimal values and a greedy policy;
 * finite-horizon backups give the best achievable return and success rate within an episode's
 * time limit, and the exact return and success rate of any given policy.
 */
public final class ValueIteration {

    private ValueIteration() {
    }

    /** Optimal state values and a greedy policy (lowest action index among ties). */
    public record Solution(double[] values, int[] policy) {
    }

    /** Expected undiscounted return and probability of success within a horizon. */
    public record Outcome(double expectedReturn, double successRate) {
    }

    /** Discounted value iteration until the largest change is below {@code tolerance}. */
    public static Solution solve(TabularModel model, double gamma, double tolerance) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        double[] values = new double[model.numStates()];
        double delta;
        do {
            delta = 0;
            for (int s = 0; s < values.length; s++) {
                if (model.isTerminal(s)) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < model.numActions(); a++) {
                    best = Math.max(best, qValue(model, values, s, a, gamma));
                }
                delta = Math.max(delta, Math.abs(best - values[s]));
                values[s] = best;
            }
        } while (delta > tolerance);
        int[] policy = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            policy[s] = greedyAction(model, values, s, gamma);
        }
        return new Solution(values, policy);
    }

    /** {@code sum p * (r + gamma * V(s'))}, without bootstrapping past terminations. */
    public static double qValue(TabularModel model, double[] values, int state, int action, double gamma) {
        double q = 0;
        for (Transition t : model.transitions(state, action)) {
            q += t.probability() * (t.reward() + (t.terminated() ? 0 : gamma * values[t.nextState()]));
        }
        return q;
    }

    private static int greedyAction(TabularModel model, double[] values, int state, double gamma) {
        int best = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < model.numActions(); a++) {
            double q = qValue(model, values, state, a, gamma);
            if (q > bestQ + 1e-12) {
                bestQ = q;
                best = a;
            }
        }
        return best;
    }

    /**
     * The best expected return and, separately, the best success probability any policy can
     * reach from the initial state within {@code horizon} steps (finite-horizon backups).
     */
    public static Outcome optimal(TabularModel model, int horizon) {
        return new Outcome(bestWithin(model, horizon, Transition::reward),
                bestWithin(model, horizon, t -> t.success() ? 1 : 0));
    }

    private static double bestWithin(TabularModel model, int horizon, ToDoubleFunction<Transition> reward) {
        double[] togo = new double[model.numStates()];
        for (int k = 0; k < horizon; k++) {
            double[] next = new double[togo.length];
            for (int s = 0; s < togo.length; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < model.numActions(); a++) {
                    best = Math.max(best, backup(model, togo, s, a, reward));
                }
                next[s] = best;
            }
            togo = next;
        }
        return togo[model.initialState()];
    }

    /** The exact expected return and success rate of {@code policy} within {@code horizon} steps. */
    public static Outcome evaluate(TabularModel model, IntUnaryOperator policy, int horizon) {
        double[] togoReturn = new double[model.numStates()];
        double[] togoSuccess = new double[model.numStates()];
        for (int k = 0; k < horizon; k++) {
            double[] nextReturn = new double[togoReturn.length];
            double[] nextSuccess = new double[togoReturn.length];
            for (int s = 0; s < togoReturn.length; s++) {
                int a = policy.applyAsInt(s);
                nextReturn[s] = backup(model, togoReturn, s, a, Transition::reward);
                nextSuccess[s] = backup(model, togoSuccess, s, a, t -> t.success() ? 1 : 0);
            }
            togoReturn = nextReturn;
            togoSuccess = nextSuccess;
        }
        return new Outcome(togoReturn[model.initialState()], togoSuccess[model.initialState()]);
    }

    private static double backup(TabularModel model, double[] togo, int s, int a, ToDoubleFunction<Transition> reward) {
        double value = 0;
        for (Transition t : model.transitions(s, a)) {
            value += t.probability() * (reward.applyAsDouble(t) + (t.terminated() ? 0 : togo[t.nextState()]));
        }
        return value;
    }
}
