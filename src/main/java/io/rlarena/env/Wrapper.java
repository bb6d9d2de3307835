package io.rlarena.env;

/**
 * Base of environment wrappers: delegates everything to the wrapped environment; subclasses
 * override what they change (time limits, observation encodings, reward scaling).
 */
public abstract class Wrapper implements Environment {

    protected final Environment env;

    protected Wrapper(Environment env) {
        this.env = env;
    }

    /** The innermost, unwrapped environment. */
    public static Environment unwrap(Environment env) {
        Environment current = env;
        while (current instanceof Wrapper wrapper) {
            current = wrapper.env;
        }
        return current;
    }

    /**
     * The observation {@code env} (possibly wrapped) shows for the unwrapped environment's
     * observation {@code raw}: every wrapper's {@link #observation} applied, innermost first.
     */
    public static float[] encode(Environment env, float[] raw) {
        return env instanceof Wrapper wrapper ? wrapper.observation(encode(wrapper.env, raw)) : raw;
    }

    /** How this wrapper changes an observation of the wrapped environment; identity by default. */
    protected float[] observation(float[] inner) {
        return inner;
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Space observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Discrete actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset reset(long seed) {
        Reset reset = env.reset(seed);
        return new Reset(observation(reset.observation()), reset.info());
    }

    @Override
    public Reset reset() {
        Reset reset = env.reset();
        return new Reset(observation(reset.observation()), reset.info());
    }

    @Override
    public Step step(int action) {
        Step step = env.step(action);
        return new Step(observation(step.observation()), step.reward(), step.terminated(), step.truncated(), step.info());
    }

    @Override
    public boolean[] actionMask() {
        return env.actionMask();
    }

    @Override
    public String render() {
        return env.render();
    }

    @Override
    public void close() {
        env.close();
    }
}
