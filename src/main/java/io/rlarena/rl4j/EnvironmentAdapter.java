package io.rlarena.rl4j;

import io.rlarena.env.EnvSpec;
import org.deeplearning4j.rl4j.environment.Environment;
import org.deeplearning4j.rl4j.environment.StepResult;

import java.util.Arrays;

/**
 * An environment of RL4J's newer API ({@link Environment}{@code <Integer>}) as an rlarena
 * environment. That API declares no observation space, so the shape is the one of the
 * {@code "data"} channel of a first reset (made when the adapter is); a later observation of
 * another size is an error. {@code isTerminal()} is {@code terminated}.
 */
final class EnvironmentAdapter extends Rl4jAdapter {

    @SuppressWarnings("rawtypes")
    private final Environment env;

    EnvironmentAdapter(EnvSpec spec, Environment<?> env) {
        super(spec, env, actionCount(env));
        this.env = env;
        Object first = dataChannel(env.reset());
        int[] shape = first instanceof org.nd4j.linalg.api.ndarray.INDArray array
                ? Arrays.stream(array.shape()).mapToInt(Math::toIntExact).toArray()
                : new int[] {floats(first).length};
        declareObservations(shape, null, null);
    }

    private static int actionCount(Environment<?> env) {
        if (env.getSchema() == null || env.getSchema().getActionSchema() == null) {
            throw new IllegalArgumentException(env.getClass().getName() + ".getSchema() declares no action schema: "
                    + "return a Schema with an IntegerActionSchema");
        }
        int size = env.getSchema().getActionSchema().getActionSpaceSize();
        if (size < 1) {
            throw new IllegalArgumentException(env.getClass().getName() + " declares " + size + " actions: declare at "
                    + "least one in its IntegerActionSchema");
        }
        return size;
    }

    @Override
    Object resetForeign() {
        return dataChannel(env.reset());
    }

    @Override
    @SuppressWarnings("unchecked")
    ForeignStep stepForeign(int action) {
        StepResult result = env.step(Integer.valueOf(action));
        return new ForeignStep(dataChannel(result.getChannelsData()), result.getReward(),
                result.isTerminal() || env.isEpisodeFinished());
    }

    @Override
    public void close() {
        env.close();
    }
}
