package io.rlarena.agent.pg;

import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two-headed network: shapes, trunks, learning both heads, clipping, saving. */
class ActorCriticTest {

    private static final NetworkSpec MLP = new NetworkSpec(List.of(16), "tanh");

    private static ActorCritic build(NetworkSpec spec, int[] shape, boolean shared) {
        return spec.buildActorCritic(shape, 3, 0.01, new PolicyLoss(0.2, 0.0), 0.5, shared, 7);
    }

    @Test
    void sharedTrunkHasOneSetOfTrunkWeights() {
        long separate = build(MLP, new int[] {4}, false).params().length();
        long shared = build(MLP, new int[] {4}, true).params().length();
        // trunk 4x16+16 = 80; heads 16x3+3 = 51 and 16x1+1 = 17
        assertEquals(80 + 51 + 17, shared);
        assertEquals(2 * 80 + 51 + 17, separate);
    }

    @Test
    void startsNearTheUniformPolicyAndLearnsBothHeads() {
        ActorCritic net = build(MLP, new int[] {4}, false);
        float[] input = {0.1f, -0.2f, 0.3f, 0.05f, -0.5f, 0.4f, 0.0f, 0.2f};
        ActorCritic.Output before = net.output(input, 2);
        assertEquals(6, before.logits().length);
        assertEquals(2, before.values().length);
        for (float logit : before.logits()) {
            assertTrue(Math.abs(logit) < 0.2, "initial logits are small: " + logit);
        }
        // push action 2 up in both states, values towards 1 and -1
        boolean[] legal = {true, true, true, true, true, true};
        for (int i = 0; i < 200; i++) {
            ActorCritic.Output now = net.output(input, 2);
            float[] labels = new float[2 * (3 + PolicyLoss.LEADING_COLUMNS)];
            for (int r = 0; r < 2; r++) {
                PolicyLoss.label(labels, r, 3, 2, 1f, (float) Categorical.logProb(now.logits(), legal, r, 3, 2), legal, r);
            }
            net.fit(input, labels, new float[] {1f, -1f}, 2);
        }
        ActorCritic.Output after = net.output(input, 2);
        for (int r = 0; r < 2; r++) {
            assertEquals(2, Categorical.mode(after.logits(), legal, r, 3));
            assertTrue(Math.exp(Categorical.logProb(after.logits(), legal, r, 3, 2)) > 0.9);
        }
        assertEquals(1.0, after.values()[0], 0.05);
        assertEquals(-1.0, after.values()[1], 0.05);
    }

    @Test
    void convolutionalTrunkOnImages() {
        NetworkSpec cnn = new NetworkSpec(List.of(new NetworkSpec.ConvLayer(4, 3, 1, 1)), List.of(8), "relu", false);
        ActorCritic net = build(cnn, new int[] {2, 5, 5}, true);
        ActorCritic.Output out = net.output(new float[2 * 50], 2);
        assertEquals(6, out.logits().length);
        assertThrows(IllegalArgumentException.class, () -> build(cnn, new int[] {50}, true));
    }

    @Test
    void savedNetworkGivesTheSameOutputs() {
        ActorCritic net = build(MLP, new int[] {4}, true);
        float[] input = {0.1f, -0.2f, 0.3f, 0.05f};
        ActorCritic loaded = ActorCritic.fromBytes(net.toBytes(true), true);
        assertArrayEquals(net.output(input, 1).logits(), loaded.output(input, 1).logits());
        assertArrayEquals(net.output(input, 1).values(), loaded.output(input, 1).values());
        assertEquals(4, loaded.inputSize());
        assertEquals(3, loaded.actions());
    }

    @Test
    void aClippedGradientShrinksTheFirstAdamStep() {
        // Adam's first step moves each parameter by about the learning rate, whatever the gradient's
        // scale, unless the gradient is far below Adam's epsilon (1e-8): clipping to 1e-12 shows there
        float[] input = {0.1f, -0.2f, 0.3f, 0.05f};
        boolean[] legal = {true, true, true};
        float[] labels = new float[3 + PolicyLoss.LEADING_COLUMNS];
        PolicyLoss.label(labels, 0, 3, 1, 1f, (float) Math.log(1 / 3.0), legal, 0);
        double[] moved = new double[2];
        for (int clipped = 0; clipped < 2; clipped++) {
            ActorCritic net = build(MLP, new int[] {4}, true);
            if (clipped == 1) {
                net.clipGradientNorm(1e-12);
            }
            var before = net.params().dup();
            net.fit(input, labels, new float[] {2f}, 1);
            moved[clipped] = net.params().sub(before).amaxNumber().doubleValue();
        }
        assertEquals(0.01, moved[0], 0.002);
        assertTrue(moved[1] < 1e-5, "clipped step " + moved[1]);
    }
}
