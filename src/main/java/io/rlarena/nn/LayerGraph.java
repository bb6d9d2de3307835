package io.rlarena.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link Network} on DL4J's ComputationGraph (one input, one output). */
record LayerGraph(ComputationGraph graph, int inputSize, int outputSize) implements Network {

    @Override
    public float[] output(float[] inputs, int rows) {
        return graph.outputSingle(Nd4j.create(inputs, rows, inputSize)).data().asFloat();
    }

    @Override
    public void fit(float[] inputs, float[] labels, float[] labelMask, int rows) {
        graph.fit(new INDArray[] {Nd4j.create(inputs, rows, inputSize)},
                new INDArray[] {Nd4j.create(labels, rows, outputSize)}, null,
                new INDArray[] {Nd4j.create(labelMask, rows, outputSize)});
    }

    @Override
    public double score() {
        return graph.score();
    }

    @Override
    public INDArray params() {
        return graph.params();
    }

    @Override
    public Network copy() {
        return new LayerGraph(graph.clone(), inputSize, outputSize);
    }

    @Override
    public ComputationGraph model() {
        return graph;
    }
}
