package io.rlarena.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link Network} on DL4J's MultiLayerNetwork. */
record LayerStack(MultiLayerNetwork stack, int inputSize, int outputSize) implements Network {

    @Override
    public float[] output(float[] inputs, int rows) {
        return stack.output(Nd4j.create(inputs, rows, inputSize)).data().asFloat();
    }

    @Override
    public void fit(float[] inputs, float[] labels, float[] labelMask, int rows) {
        stack.fit(new DataSet(Nd4j.create(inputs, rows, inputSize), Nd4j.create(labels, rows, outputSize), null,
                Nd4j.create(labelMask, rows, outputSize)));
    }

    @Override
    public double score() {
        return stack.score();
    }

    @Override
    public INDArray params() {
        return stack.params();
    }

    @Override
    public Network copy() {
        return new LayerStack(stack.clone(), inputSize, outputSize);
    }

    @Override
    public MultiLayerNetwork model() {
        return stack;
    }
}
