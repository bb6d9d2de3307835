package io.rlarena.rl4j;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.Environment;
import io.rlarena.env.ForeignSeeding;
import io.rlarena.env.Reset;
import io.rlarena.env.Step;
import org.deeplearning4j.rl4j.space.Encodable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * What both RL4J environment adapters share: the spec, the spaces, observations turned into
 * flat float arrays of the declared shape, actions checked, seeding through {@link Rl4jSeeding}.
 * RL4J knows no truncation: its {@code done} is rlarena's {@code terminated}, and the registry's
 * time limit truncates.
 */
abstract class Rl4jAdapter implements Environment, ForeignSeeding {

    private final EnvSpec spec;
    private final String className;
    private final Discrete actions;
    private final Rl4jSeeding seeding;
    private Box observations;
    private float[] last;

    Rl4jAdapter(EnvSpec spec, Object env, int actionCount) {
        this.spec = spec;
        this.className = env.getClass().getName();
        this.actions = new Discrete(actionCount);
        this.seeding = Rl4jSeeding.of(env);
    }

    /** Sets the observation space: {@code shape} with the bounds {@code low} / {@code high} where they fit it, else unbounded. */
    final void declareObservations(int[] shape, INDArray low, INDArray high) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (shape.length == 0 || size < 1) {
            throw new IllegalArgumentException(className + " declares the observation shape " + Arrays.toString(shape)
                    + ": declare a shape of positive dimensions in its ObservationSpace");
        }
        float[] lows = bound(low, size, Float.NEGATIVE_INFINITY);
        float[] highs = bound(high, size, Float.POSITIVE_INFINITY);
        for (int i = 0; i < size; i++) {
            if (!(lows[i] < highs[i])) { // RL4J's ArrayObservationSpace declares zeros: no bounds at all
                Arrays.fill(lows, Float.NEGATIVE_INFINITY);
                Arrays.fill(highs, Float.POSITIVE_INFINITY);
                break;
            }
        }
        observations = new Box(shape, lows, highs);
    }

    private static float[] bound(INDArray declared, int size, float unbounded) {
        if (declared != null && declared.length() == size) {
            return flat(declared);
        }
        float[] none = new float[size];
        Arrays.fill(none, unbounded);
        return none;
    }

    /** The RL4J environment's reset. */
    abstract Object resetForeign();

    /** The RL4J environment's step: its observation data, reward and done flag. */
    abstract ForeignStep stepForeign(int action);

    record ForeignStep(Object observation, double reward, boolean done) {
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Box observationSpace() {
        return observations;
    }

    @Override
    public Discrete actionSpace() {
        return actions;
    }

    @Override
    public Reset reset(long seed) {
        seeding.reseed(seed);
        return reset();
    }

    @Override
    public Reset reset() {
        return new Reset(observe(resetForeign()));
    }

    @Override
    public Step step(int action) {
        if (!actions.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is outside " + actions + " of " + className);
        }
        ForeignStep step = stepForeign(action);
        return new Step(observe(step.observation()), step.reward(), step.done());
    }

    @Override
    public String render() {
        return className + " observation " + Arrays.toString(last);
    }

    @Override
    public boolean seedable() {
        return seeding.seedable();
    }

    @Override
    public String seeding() {
        return seeding.description();
    }

    private float[] observe(Object data) {
        float[] observation = floats(data);
        if (observation.length != observations.flatSize()) {
            throw new IllegalArgumentException(className + " gave an observation of " + observation.length
                    + " values where its observation space declares the shape " + Arrays.toString(observations.shape())
                    + " (" + observations.flatSize() + " values): rlarena's networks take observations of one fixed "
                    + "shape, so make every observation (from reset and step) of the declared shape");
        }
        last = observation;
        return observation.clone();
    }

    /** An RL4J observation's data as floats: an {@link Encodable}'s data (or its {@code toArray()}), an array or a number. */
    final float[] floats(Object data) {
        if (data instanceof Encodable encodable) {
            return encodable.getData() != null ? flat(encodable.getData()) : floats(encodable.toArray());
        }
        if (data instanceof INDArray array) {
            return flat(array);
        }
        if (data instanceof double[] doubles) {
            float[] values = new float[doubles.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) doubles[i];
            }
            return values;
        }
        if (data instanceof float[] values) {
            return values.clone();
        }
        if (data instanceof Number number) {
            return new float[] {number.floatValue()};
        }
        throw new IllegalArgumentException(className + " gave the observation " + data + " ("
                + (data == null ? "null" : data.getClass().getName()) + "): rlarena reads an RL4J observation that is "
                + "an Encodable (its getData() or toArray()), an INDArray, a double[] or float[], or a number");
    }

    /** A map of RL4J channels' observation: its {@code "data"} channel. */
    final Object dataChannel(Map<String, Object> channels) {
        if (channels == null || !channels.containsKey("data")) {
            throw new IllegalArgumentException(className + " returned the channels " + (channels == null ? null
                    : channels.keySet()) + ": rlarena reads the observation from the channel \"data\"");
        }
        return channels.get("data");
    }

    private static float[] flat(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
