package io.rlarena.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Checks that an environment keeps the {@link Environment} contract, the way Gymnasium's and
 * SB3's env checkers do: spaces declared, observations inside them, finite rewards, valid action
 * masks, fresh observation arrays, same seed giving the same rollout, time limits respected, bad
 * actions rejected. Each problem says what to fix.
 */
public final class EnvChecker {

    /** Steps played per rollout; several episodes for short-episode environments. */
    private static final int ROLLOUT_STEPS = 300;

    private EnvChecker() {
    }

    /**
     * The outcome: checks passed, problems found (empty when the environment is fine) and
     * warnings (risks that do not break the contract, such as episodes that may never end).
     */
    public record Report(String env, List<String> passed, List<String> problems, List<String> warnings) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks environments made by {@code factory} (called twice: the determinism check needs two). */
    public static Report check(Supplier<Environment> factory, long seed) {
        List<String> passed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String name = "environment";
        try (Environment env = factory.get(); Environment twin = factory.get()) {
            name = env.spec() == null ? env.getClass().getName() : env.spec().id();
            if (!checkSpaces(env, passed, problems)) {
                return new Report(name, passed, problems, warnings);
            }
            List<String> first = rollout(env, seed, passed, problems, warnings);
            List<String> second = rollout(twin, seed, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            if (problems.isEmpty()) {
                int differ = firstDifference(first, second);
                if (differ < 0) {
                    passed.add("same seed, same actions: identical rollouts (" + first.size() + " steps)");
                } else {
                    String difference = "two rollouts with reset(" + seed + ") and the same actions differ at event "
                            + differ + " of the rollout (" + first.get(differ) + " vs " + second.get(differ) + ")";
                    if (Wrapper.unwrap(env) instanceof ForeignSeeding foreign && !foreign.seedable()) {
                        warnings.add("not seedable: " + difference + "; " + foreign.seeding() + ". Training works, "
                                + "but runs, evaluations and replays are not reproducible");
                    } else {
                        problems.add(difference + ": draw all randomness from a generator seeded in reset(seed), "
                                + "never from Math.random or a shared Random"
                                + (Wrapper.unwrap(env) instanceof ForeignSeeding foreign ? " (" + foreign.seeding() + ")" : ""));
                    }
                }
            }
            checkBadAction(env, seed, passed, problems);
        } catch (RuntimeException e) {
            problems.add("the environment threw " + e + " during the check: fix that first");
        }
        return new Report(name, List.copyOf(passed), List.copyOf(problems), List.copyOf(warnings));
    }

    private static boolean checkSpaces(Environment env, List<String> passed, List<String> problems) {
        if (env.spec() == null) {
            problems.add("spec() returned null: return an EnvSpec with the id, options and time limit");
        }
        if (env.observationSpace() == null) {
            problems.add("observationSpace() returned null: declare a Discrete or Box space");
        }
        if (env.actionSpace() == null) {
            problems.add("actionSpace() returned null: declare a Discrete action space");
        }
        if (problems.isEmpty()) {
            passed.add("spaces declared: observations " + env.observationSpace() + ", actions " + env.actionSpace());
        }
        return problems.isEmpty();
    }

    /** Plays seeded random legal actions, returning one line per step to compare rollouts. */
    private static List<String> rollout(Environment env, long seed, List<String> passed, List<String> problems,
                                        List<String> warnings) {
        RandomGenerator actions = new RestorableRandom(seed);
        List<String> trace = new ArrayList<>();
        Space observations = env.observationSpace();
        Discrete actionSpace = env.actionSpace();
        int limit = env.spec().maxEpisodeSteps();
        Reset reset = env.reset(seed);
        float[] previous = checkObservation(reset.observation(), observations, "reset(seed)", problems);
        float[] previousCopy = previous == null ? null : previous.clone();
        trace.add("reset " + Arrays.toString(reset.observation()));
        int episodes = 0;
        int length = 0;
        for (int t = 0; t < ROLLOUT_STEPS && problems.isEmpty(); t++) {
            boolean[] mask = env.actionMask();
            if (mask == null || mask.length != actionSpace.n()) {
                problems.add("actionMask() returned " + (mask == null ? "null" : "length " + mask.length)
                        + ", expected a fresh boolean[" + actionSpace.n() + "]");
                break;
            }
            int action;
            try {
                action = actionSpace.sample(actions, mask);
            } catch (IllegalArgumentException e) {
                problems.add("actionMask() allows no action at step " + length + " of a running episode: "
                        + "end the episode (terminated) when no move is left");
                break;
            }
            Step step = env.step(action);
            length++;
            if (step == null) {
                problems.add("step(" + action + ") returned null");
                break;
            }
            float[] observation = checkObservation(step.observation(), observations, "step(" + action + ")", problems);
            if (!Double.isFinite(step.reward())) {
                problems.add("step(" + action + ") returned reward " + step.reward() + ": rewards must be finite");
            }
            if (previous != null && !Arrays.equals(previous, previousCopy)) {
                problems.add("an observation array changed after it was returned: return a fresh array from "
                        + "reset and every step instead of reusing a buffer");
            }
            previous = observation;
            previousCopy = observation == null ? null : observation.clone();
            if (limit > 0 && length > limit) {
                problems.add("an episode ran " + length + " steps, past its time limit of " + limit
                        + ": set truncated=true at the limit (the registry's TimeLimit wrapper does this)");
            }
            trace.add(action + " -> " + Arrays.toString(step.observation()) + " r=" + step.reward() + " term="
                    + step.terminated() + " trunc=" + step.truncated() + " mask=" + Arrays.toString(mask));
            if (step.done()) {
                episodes++;
                length = 0;
                reset = env.reset();
                previous = checkObservation(reset.observation(), observations, "reset()", problems);
                previousCopy = previous == null ? null : previous.clone();
                trace.add("reset " + Arrays.toString(reset.observation()));
            }
        }
        if (problems.isEmpty() && episodes == 0 && limit == 0) {
            warnings.add("no episode ended in " + ROLLOUT_STEPS + " steps of random play, and the environment has no "
                    + "time limit (spec().maxEpisodeSteps() is 0): training may wait forever for an episode's end "
                    + "(return NaN) and eval cuts episodes at 10,000 steps; give the EnvSpec a time limit, train "
                    + "with --env-opt max_episode_steps=N, or end episodes (terminated) when the task is over");
        }
        if (problems.isEmpty()) {
            passed.add("observations inside " + observations + ", rewards finite, masks valid over "
                    + ROLLOUT_STEPS + " steps (" + episodes + " episodes ended)");
            if (env.render() == null) {
                problems.add("render() returned null: return the state as text");
            } else {
                passed.add("render() gives text");
            }
        }
        return trace;
    }

    private static float[] checkObservation(float[] observation, Space space, String where, List<String> problems) {
        if (observation == null) {
            problems.add(where + " returned a null observation");
            return null;
        }
        if (!space.contains(observation)) {
            problems.add(where + " returned observation " + abbreviate(observation) + " outside the observation space "
                    + space + ": fix the observation or declare the space that holds it");
        }
        return observation;
    }

    private static void checkBadAction(Environment env, long seed, List<String> passed, List<String> problems) {
        env.reset(seed);
        int outside = env.actionSpace().n();
        try {
            env.step(outside);
            problems.add("step(" + outside + ") was accepted although the action space is " + env.actionSpace()
                    + ": throw IllegalArgumentException for actions outside the space");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            passed.add("step(" + outside + ") rejected: " + Objects.toString(e.getMessage(), e.toString()));
        }
    }

    private static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : Math.min(a.size(), b.size());
    }

    private static String abbreviate(float[] observation) {
        String text = Arrays.toString(observation);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
