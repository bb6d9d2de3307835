package io.rlarena.nn;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as agents use it: flat float rows in, one row of outputs per input row; fitted on
 * labels with a per-output mask. Built from a {@link NetworkSpec}: a layer stack for plain MLPs
 * and CNNs (DL4J's MultiLayerNetwork, the faster of the two per call), a graph where the spec
 * needs one (dueling heads).
 */
public sealed interface Network permits LayerStack, LayerGraph {

    /** Values per input row. */
    int inputSize();

    /** Outputs (actions) per row. */
    int outputSize();

    /** Outputs for {@code rows} input rows stored row-major in {@code inputs}. */
    float[] output(float[] inputs, int rows);

    /** One gradient step; only outputs whose mask entry is non-zero contribute. */
    void fit(float[] inputs, float[] labels, float[] labelMask, int rows);

    /** The loss of the last fit. */
    double score();

    /** All parameters as one flat view: changing it changes the network. */
    INDArray params();

    /** An independent copy (parameters and optimizer state). */
    Network copy();

    /** The DL4J model (for saving). */
    Model model();
}
