package io.rlarena.env;

/** Turns a {@link Discrete} observation (a state index) into a one-hot float vector. */
public final class OneHotObservation extends Wrapper {

    private final Box space;

    public OneHotObservation(Environment env) {
        super(env);
        if (!(env.observationSpace() instanceof Discrete states)) {
            throw new IllegalArgumentException(env.spec().id() + " has observation space " + env.observationSpace()
                    + "; one-hot encoding needs a Discrete one");
        }
        this.space = Box.of(0f, 1f, states.n());
    }

    @Override
    public Space observationSpace() {
        return space;
    }

    @Override
    protected float[] observation(float[] inner) {
        float[] oneHot = new float[space.flatSize()];
        oneHot[(int) inner[0]] = 1f;
        return oneHot;
    }
}
