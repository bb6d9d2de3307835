package io.rlarena.agent.alphazero;

import io.rlarena.agent.Checks;
import io.rlarena.nn.NetworkSpec;

import java.util.List;

import static io.rlarena.agent.Checks.atLeast;
import static io.rlarena.agent.Checks.notNegative;
import static io.rlarena.agent.Checks.positive;
import static io.rlarena.agent.Checks.range;

/**
 * AlphaZero hyperparameters, validated on construction.
 *
 * @param learningRate       Adam step size
 * @param simulations        search simulations per move, in self-play and in the gate match
 * @param cPuct              weight of the prior-guided exploration term in the search
 * @param dirichletAlpha     concentration of the Dirichlet noise mixed into the root's priors in self-play
 * @param dirichletEpsilon   share of that noise (0: none)
 * @param temperatureMoves   plies at the start of each game whose move is drawn in proportion to the
 *                           visit counts (later: the most visited move)
 * @param parallelGames      self-play games played at once; their leaves share one network call per round
 * @param gamesPerIteration  self-play games between two training phases
 * @param windowPositions    positions kept for training (the newest; older ones drop out)
 * @param batchSize          positions per gradient step
 * @param trainSteps         gradient steps per training phase
 * @param weightDecay        decoupled weight decay per step (the L2 penalty, as AdamW applies it)
 * @param gateGames          games of the gate match between the trained network and the best one
 *                           (sides alternating; 0: every trained network becomes the best)
 * @param gateThreshold      score (wins plus half the draws, per game) the trained network needs to
 *                           become the best, the one that plays self-play games and is saved (0.5: it
 *                           replaces the best unless it loses more than it wins; above 0.5, as
 *                           AlphaGo Zero's 0.55, draws between strong players would freeze the best)
 * @param network            trunk layers (convolutions, hidden layers, activation) under the policy
 *                           and value heads
 */
public record AlphaZeroConfig(double learningRate, int simulations, double cPuct, double dirichletAlpha,
                              double dirichletEpsilon, int temperatureMoves, int parallelGames, int gamesPerIteration,
                              int windowPositions, int batchSize, int trainSteps, double weightDecay, int gateGames,
                              double gateThreshold, NetworkSpec network) {

    public static final AlphaZeroConfig DEFAULTS = new AlphaZeroConfig(1e-3, 50, 1.5, 1.0, 0.25, 9, 32, 64, 20_000, 128,
            100, 1e-4, 40, 0.5, new NetworkSpec(List.of(), List.of(128, 128), "relu", false));

    public AlphaZeroConfig {
        positive("alphazero.learning_rate", learningRate);
        atLeast("alphazero.simulations", simulations, 1);
        positive("alphazero.c_puct", cPuct);
        positive("alphazero.dirichlet_alpha", dirichletAlpha);
        range("alphazero.dirichlet_epsilon", dirichletEpsilon, 0, 1);
        atLeast("alphazero.temperature_moves", temperatureMoves, 0);
        atLeast("alphazero.parallel_games", parallelGames, 1);
        atLeast("alphazero.games_per_iteration", gamesPerIteration, 1);
        atLeast("alphazero.window_positions", windowPositions, 1);
        atLeast("alphazero.batch_size", batchSize, 1);
        atLeast("alphazero.train_steps", trainSteps, 1);
        notNegative("alphazero.weight_decay", weightDecay);
        atLeast("alphazero.gate_games", gateGames, 0);
        range("alphazero.gate_threshold", gateThreshold, 0, 1);
        Checks.present("alphazero.network", network, "{\"hidden\": [128, 128], \"activation\": \"relu\"}");
    }
}
