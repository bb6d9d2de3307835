package io.rlarena.envs.classic;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.SeededEnvironment;
import io.rlarena.env.Reset;
import io.rlarena.env.Space;
import io.rlarena.env.Step;

import java.util.Locale;
import java.util.Map;

/**
 * Gymnasium's CartPole-v1, reproduced exactly: the same constants, the same Euler integration in
 * double precision, the same termination thresholds, reward 1 for every step (the terminating one
 * included), a start state uniform in [-0.05, 0.05]^4 and a 500-step limit. Observation: cart
 * position, cart velocity, pole angle, pole angular velocity (as floats). Actions: 0 push left,
 * 1 push right.
 */
public final class CartPole extends SeededEnvironment implements Drawable {

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    private static final Box OBSERVATIONS = new Box(new int[] {4},
            new float[] {(float) (-2 * X_THRESHOLD), -Float.MAX_VALUE, (float) (-2 * THETA_THRESHOLD), -Float.MAX_VALUE},
            new float[] {(float) (2 * X_THRESHOLD), Float.MAX_VALUE, (float) (2 * THETA_THRESHOLD), Float.MAX_VALUE});
    private static final Discrete ACTIONS = new Discrete(2);
    /** A fall is no success, although its step pays 1 like every other (the return is the score). */
    private static final Map<String, Object> FELL = Map.of("success", false);

    private final EnvSpec spec = new EnvSpec("CartPole-v1", Map.of(), 500);
    private final double[] state = new double[4];
    private boolean terminated = true;

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Discrete actionSpace() {
        return ACTIONS;
    }

    @Override
    public Reset reset() {
        for (int i = 0; i < 4; i++) {
            state[i] = -0.05 + 0.1 * random().nextDouble();
        }
        terminated = false;
        return new Reset(observation());
    }

    /** Sets the state directly (tests, and replaying recorded episodes). */
    public void setState(double x, double xDot, double theta, double thetaDot) {
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
        terminated = false;
    }

    @Override
    public Step step(int action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("CartPole action must be 0 (left) or 1 (right), got " + action);
        }
        if (terminated) {
            throw new IllegalStateException("the pole has fallen: call reset() before step()");
        }
        advance(state, action);
        terminated = state[0] < -X_THRESHOLD || state[0] > X_THRESHOLD
                || state[2] < -THETA_THRESHOLD || state[2] > THETA_THRESHOLD;
        return new Step(observation(), 1.0, terminated, false, terminated ? FELL : Map.of());
    }

    /**
     * The cart on its track (x in [-2.4, 2.4], the edges marked) and the pole at its angle, in
     * metres: the track is 4.8 wide and the pole 1 long (twice its half-length).
     */
    @Override
    public Drawing draw() {
        double ground = 1.6;
        double cartX = 2.4 + state[0];
        double top = ground - 0.3;
        double length = 2 * HALF_LENGTH;
        return new Drawing.Builder(4.8, 2.0, "#ffffff")
                .add(new Drawing.Line(0, ground, 4.8, ground, "#90a4ae", 0.02))
                .add(new Drawing.Line(0.01, ground - 0.15, 0.01, ground + 0.15, "#e57373", 0.02))
                .add(new Drawing.Line(4.79, ground - 0.15, 4.79, ground + 0.15, "#e57373", 0.02))
                .add(new Drawing.Rect(cartX - 0.25, top, 0.5, 0.3, "#37474f", null))
                .add(new Drawing.Line(cartX, top, cartX + length * Math.sin(state[2]), top - length * Math.cos(state[2]),
                        "#d84315", 0.06))
                .add(new Drawing.Circle(cartX, top, 0.04, "#ffcc80", null))
                .key("#37474f", "cart").key("#d84315", "pole").key("#e57373", "track ends")
                .build();
    }

    /** One Euler step of the cart-pole equations (Barto, Sutton and Anderson 1983), in place. */
    static void advance(double[] s, int action) {
        double force = action == 1 ? FORCE : -FORCE;
        double cos = Math.cos(s[2]);
        double sin = Math.sin(s[2]);
        double temp = (force + POLE_MASS_LENGTH * s[3] * s[3] * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (HALF_LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        s[0] = s[0] + TAU * s[1];
        s[1] = s[1] + TAU * xAcc;
        s[2] = s[2] + TAU * s[3];
        s[3] = s[3] + TAU * thetaAcc;
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }

    @Override
    public String render() {
        int width = 41;
        int cart = (int) Math.round((state[0] + X_THRESHOLD) / (2 * X_THRESHOLD) * (width - 1));
        StringBuilder track = new StringBuilder("|" + " ".repeat(width) + "|");
        track.setCharAt(1 + Math.max(0, Math.min(width - 1, cart)), '#');
        return String.format(Locale.ROOT, "x=%+.3f x'=%+.3f theta=%+.2f deg theta'=%+.3f%n%s%n",
                state[0], state[1], Math.toDegrees(state[2]), state[3], track);
    }
}
