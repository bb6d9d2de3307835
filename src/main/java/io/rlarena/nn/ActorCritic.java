package io.rlarena.nn;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.List;

/**
 * A policy head (one logit per action) and a value head (one state value) on one DL4J
 * ComputationGraph, with a shared trunk or two separate trunks built from the same
 * {@link NetworkSpec}. One forward call gives both heads for a whole batch, one fit call trains
 * both: the policy head on the loss it was built with, the value head on
 * {@code valueCoefficient * (V - target)^2}. Optionally the gradient's global L2 norm is clipped
 * before the optimizer step, as in PPO and A2C.
 */
public final class ActorCritic {

    private static final String POLICY = "policy";
    private static final String VALUE = "value";

    private final ComputationGraph graph;
    private final int inputSize;
    private final int actions;

    private ActorCritic(ComputationGraph graph, int inputSize, int actions) {
        this.graph = graph;
        this.inputSize = inputSize;
        this.actions = actions;
    }

    /** Both heads' outputs for a batch: {@code rows x actions} logits and {@code rows} values. */
    public record Output(float[] logits, float[] values) {
    }

    /** Builds the network for observations of {@code inputShape} (see {@link NetworkSpec#buildActorCritic}). */
    static ActorCritic build(NetworkSpec spec, int[] inputShape, int actions, double learningRate,
                             ILossFunction policyLoss, double valueCoefficient, boolean sharedTrunk, long seed) {
        int inputSize = spec.checkInput(inputShape);
        InputType inputType = spec.inputType(inputShape);
        ComputationGraphConfiguration.GraphBuilder builder = NetworkSpec.base(learningRate, seed).graphBuilder()
                .addInputs("in").setInputTypes(inputType);
        String policyTrunk = addTrunk(builder, spec.trunk(), sharedTrunk ? "trunk" : "pi", "in");
        String valueTrunk = sharedTrunk ? policyTrunk : addTrunk(builder, spec.trunk(), "vf", "in");
        // a small policy head starts near the uniform policy (as SB3's 0.01-gain initialisation)
        builder.addLayer(POLICY, new OutputLayer.Builder(policyLoss).nOut(actions).activation(Activation.IDENTITY)
                .weightInit(new NormalDistribution(0, 0.01)).build(), policyTrunk);
        builder.addLayer(VALUE, new OutputLayer.Builder(new ScaledMse(valueCoefficient))
                .nOut(1).activation(Activation.IDENTITY).build(), valueTrunk);
        builder.setOutputs(POLICY, VALUE);
        ComputationGraphConfiguration conf = builder.build();
        ModelBytes.checkSize(ModelBytes.parameterCount(conf));
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return new ActorCritic(graph, inputSize, actions);
    }

    private static String addTrunk(ComputationGraphConfiguration.GraphBuilder builder, List<Layer> trunk, String prefix,
                                   String input) {
        String previous = input;
        for (int i = 0; i < trunk.size(); i++) {
            builder.addLayer(prefix + i, trunk.get(i), previous);
            previous = prefix + i;
        }
        return previous;
    }

    public int inputSize() {
        return inputSize;
    }

    public int actions() {
        return actions;
    }

    /** Both heads for {@code rows} input rows stored row-major in {@code inputs}. */
    public Output output(float[] inputs, int rows) {
        INDArray[] out = graph.output(Nd4j.create(inputs, rows, inputSize));
        return new Output(out[0].data().asFloat(), out[1].data().asFloat());
    }

    /**
     * One gradient step on both heads; returns the total loss (policy plus weighted value loss).
     * The arrays hold exactly {@code rows} rows; the policy labels' width is what the policy loss reads.
     */
    public double fit(float[] inputs, float[] policyLabels, float[] valueTargets, int rows) {
        if (inputs.length != rows * inputSize || valueTargets.length != rows || policyLabels.length % rows != 0) {
            throw new IllegalArgumentException("fit needs " + rows + " rows of inputs (" + inputSize + " values), "
                    + "policy labels and value targets; got " + inputs.length + ", " + policyLabels.length + ", "
                    + valueTargets.length + " values");
        }
        graph.fit(new INDArray[] {Nd4j.create(inputs, rows, inputSize)}, new INDArray[] {
                Nd4j.create(policyLabels, rows, policyLabels.length / rows), Nd4j.create(valueTargets, rows, 1)});
        return graph.score();
    }

    /** The learning rate of the following updates (for a schedule). */
    public void setLearningRate(double learningRate) {
        graph.setLearningRate(learningRate);
    }

    /**
     * Clips every later update's gradient to a global L2 norm of at most {@code maxNorm} (per
     * example: DL4J sums the gradient over the batch and divides by its size afterwards).
     */
    public void clipGradientNorm(double maxNorm) {
        graph.addListeners(new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                INDArray gradient = model.gradient().gradient();
                long batch = Math.max(1, model.batchSize());
                double scale = clipScale(gradient.norm2Number().doubleValue() / batch, maxNorm);
                if (scale < 1) {
                    gradient.muli(scale);
                }
            }
        });
    }

    /** The factor that brings a gradient of norm {@code norm} down to {@code maxNorm} (1 if already within). */
    static double clipScale(double norm, double maxNorm) {
        return norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
    }

    /** All parameters as one flat view. */
    public INDArray params() {
        return graph.params();
    }

    public Model model() {
        return graph;
    }

    /** The network in DL4J's zip format, with the optimizer state when {@code withUpdater}. */
    public byte[] toBytes(boolean withUpdater) {
        return ModelBytes.write(graph, withUpdater);
    }

    /**
     * Reads a network written by {@link #toBytes(boolean)}.
     *
     * @throws IllegalArgumentException if the bytes are not an actor-critic network
     */
    public static ActorCritic fromBytes(byte[] bytes, boolean withUpdater) {
        if (!(ModelBytes.readModel(bytes, withUpdater) instanceof ComputationGraph graph)) {
            throw new IllegalArgumentException("the DL4J model inside is not an actor-critic network (a layer stack)");
        }
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (!outputs.equals(List.of(POLICY, VALUE))) {
            throw new IllegalArgumentException("the DL4J model inside is not an actor-critic network (outputs "
                    + outputs + ")");
        }
        int inputSize = ModelBytes.inputSize(graph.getConfiguration());
        INDArray[] out = graph.output(Nd4j.zeros(1, inputSize));
        return new ActorCritic(graph, inputSize, (int) out[0].size(1));
    }
}
