package io.rlarena.agent.alphazero;

import java.util.random.RandomGenerator;

/** Gamma(shape, 1) draws (Marsaglia and Tsang's method), for the Dirichlet noise at the search root. */
final class Gamma {

    private Gamma() {
    }

    /** One draw of Gamma({@code shape}, 1); shapes below 1 through Gamma(shape + 1) * U^(1/shape). */
    static double sample(double shape, RandomGenerator random) {
        if (shape < 1) {
            return sample(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
