package io.rlarena.nn;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Combines a dueling network's streams (Wang et al. 2016): input 0 is the state value V
 * ({@code [batch, 1]}), input 1 the advantages A ({@code [batch, actions]});
 * output {@code Q = V + A - mean(A)}.
 */
public final class DuelingVertex extends SameDiffLambdaVertex {

    private int actions;

    /** For DL4J's JSON model configuration. */
    public DuelingVertex() {
    }

    public DuelingVertex(int actions) {
        this.actions = actions;
    }

    @Override
    public SDVariable defineVertex(SameDiff sameDiff, VertexInputs inputs) {
        SDVariable value = inputs.getInput(0);
        SDVariable advantage = inputs.getInput(1);
        SDVariable centred = advantage.sub(advantage.mean(true, 1));
        return centred.add(value);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.feedForward(actions);
    }
}
