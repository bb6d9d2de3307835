package io.rlarena.agent.alphazero;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.EpisodeStats;
import io.rlarena.agent.Learner;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Environment;
import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.env.Wrapper;
import io.rlarena.envs.board.BoardGameEnv;
import io.rlarena.nn.ActorCritic;
import io.rlarena.nn.ModelBytes;
import io.rlarena.nn.SoftmaxCrossEntropy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * AlphaZero (Silver et al. 2018) for rlarena's board games, with AlphaGo Zero's gate. Each
 * iteration:
 * <ol>
 *   <li><b>Self-play</b>: the best network plays {@code games_per_iteration} games against itself,
 *       {@code parallel_games} at once, choosing every move by a PUCT search of
 *       {@code simulations} simulations ({@link SearchTree}) with Dirichlet noise at the root; the
 *       first {@code temperature_moves} moves are drawn in proportion to the visit counts, later
 *       ones are the most visited. Every position is kept as (planes from the mover's side, visit
 *       distribution, the game's final outcome for the mover), with its mirror image where the
 *       rules are symmetric, in a window of the newest {@code window_positions}.</li>
 *   <li><b>Training</b>: {@code train_steps} Adam steps on uniform minibatches of the window
 *       minimizing {@code cross_entropy(visits, softmax(policy logits)) + (outcome - value)^2},
 *       each followed by decoupled weight decay (the L2 term).</li>
 *   <li><b>Gate</b>: the trained network plays the best one {@code gate_games} games, sides
 *       alternating, both searching without noise; with a score of at least
 *       {@code gate_threshold} it becomes the best.</li>
 * </ol>
 * A step is one self-play move; each finished self-play game is reported as an episode (its
 * return from the first player's side). As a policy the learner plays the best network alone
 * (its most probable legal move); {@link AlphaZeroPolicy} searches with it.
 */
public final class AlphaZero implements Learner {

    public static final Algorithm ALGORITHM = new Algorithm("alphazero", AlphaZeroConfig.DEFAULTS,
            (config, envs, seed) -> new AlphaZero((AlphaZeroConfig) config, envs, seed), AlphaZeroPolicy::load);

    /** The format of {@link #writeState}. */
    private static final long STATE_FORMAT = 1;
    /** The trained network in a checkpoint: its parameters and Adam's two moments, as floats, with room. */
    private static final long MAX_NETWORK_BYTES = 16 * ModelBytes.MAX_PARAMETERS;

    private final AlphaZeroConfig config;
    private final Supplier<? extends TurnBasedGame> newGame;
    private final int[] planeShape;
    private final int inputSize;
    private final int actions;
    private final boolean mirrorSymmetric;
    private final RestorableRandom random;
    private final ActorCritic trained;
    private ActorCritic best;
    private final PositionWindow window;
    private long stepsDone;
    private long gamesDone;
    private double lastLoss = Double.NaN;

    AlphaZero(AlphaZeroConfig config, Supplier<Environment> envs, long seed) {
        if (!(Wrapper.unwrap(envs.get()) instanceof BoardGameEnv board)) {
            throw new IllegalArgumentException("alphazero plays board games (TicTacToe-v0, ConnectFour-v0, Othello-v0) "
                    + "against itself; this environment is none");
        }
        this.config = config;
        this.newGame = board::newGame;
        TurnBasedGame probe = newGame.get();
        this.planeShape = probe.planeShape();
        this.inputSize = planeShape[0] * planeShape[1] * planeShape[2];
        this.actions = probe.actionCount();
        this.mirrorSymmetric = probe.mirrorAction(0) >= 0;
        this.random = new RestorableRandom(Seeds.derive(seed, "self-play"));
        this.trained = config.network().buildActorCritic(planeShape, actions, config.learningRate(),
                new SoftmaxCrossEntropy(), 1.0, true, Seeds.derive(seed, "network"));
        this.best = copyOf(trained);
        this.window = new PositionWindow(config.windowPositions(), inputSize, actions);
    }

    @Override
    public void learn(long steps, TrainingListener listener) {
        while (stepsDone < steps) {
            if (!selfPlay(steps, listener)) {
                return;
            }
            lastLoss = train();
            listener.onUpdate(lastLoss);
            gate();
            listener.onBoundary(stepsDone);
            if (listener.stopRequested()) {
                return;
            }
        }
    }

    /** One game of self-play in progress: the game, its search tree and its positions so far. */
    private record SelfPlayGame(TurnBasedGame game, SearchTree tree, List<float[]> planes, List<float[]> visits,
                                List<Integer> movers) {
        SelfPlayGame(TurnBasedGame game) {
            this(game, new SearchTree(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Plays an iteration's self-play games; false if the step budget ran out or a stop was asked first. */
    private boolean selfPlay(long steps, TrainingListener listener) {
        List<SelfPlayGame> playing = new ArrayList<>();
        int started = 0;
        int finished = 0;
        while (finished < config.gamesPerIteration()) {
            while (playing.size() < config.parallelGames() && started < config.gamesPerIteration()) {
                playing.add(new SelfPlayGame(newGame.get()));
                started++;
            }
            List<SearchTree> trees = playing.stream().map(SelfPlayGame::tree).toList();
            List<TurnBasedGame> games = playing.stream().map(SelfPlayGame::game).toList();
            SearchTree.expandRoots(trees, games, best);
            if (config.dirichletEpsilon() > 0) {
                trees.forEach(tree -> tree.addRootNoise(config.dirichletAlpha(), config.dirichletEpsilon(), random));
            }
            SearchTree.simulate(trees, games, best, config.simulations(), config.cPuct());
            for (int i = 0; i < playing.size(); i++) {
                SelfPlayGame play = playing.get(i);
                TurnBasedGame game = play.game();
                float[] visits = play.tree().visitDistribution(actions);
                int move = SearchTree.choose(visits, plies(play) < config.temperatureMoves(), random);
                play.planes().add(game.observation(game.currentPlayer()));
                play.visits().add(visits);
                play.movers().add(game.currentPlayer());
                game.play(move);
                play.tree().advance(move);
                listener.onStep(++stepsDone);
                if (game.isOver()) {
                    keep(play);
                    finished++;
                    listener.onEpisode(new EpisodeStats(stepsDone, ++gamesDone, game.outcome().valueFor(0),
                            plies(play), lastLoss, 0, game.outcome().winner() == 0));
                    playing.remove(i--);
                }
                if (stepsDone >= steps || listener.stopRequested()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int plies(SelfPlayGame play) {
        return play.movers().size();
    }

    /** Puts a finished game's positions in the window, each with the outcome for its mover (and mirrored). */
    private void keep(SelfPlayGame play) {
        TurnBasedGame.Outcome outcome = play.game().outcome();
        for (int ply = 0; ply < plies(play); ply++) {
            float value = (float) outcome.valueFor(play.movers().get(ply));
            float[] planes = play.planes().get(ply);
            float[] visits = play.visits().get(ply);
            window.add(planes, visits, value);
            if (mirrorSymmetric) {
                float[] mirroredVisits = new float[actions];
                for (int a = 0; a < actions; a++) {
                    mirroredVisits[play.game().mirrorAction(a)] = visits[a];
                }
                window.add(MirrorSymmetric.mirror(planes, planeShape), mirroredVisits, value);
            }
        }
    }

    /** The training phase; returns its mean loss (cross-entropy plus value error). */
    private double train() {
        int batch = Math.min(config.batchSize(), window.size());
        float[] inputs = new float[batch * inputSize];
        float[] visits = new float[batch * actions];
        float[] outcomes = new float[batch];
        double total = 0;
        for (int step = 0; step < config.trainSteps(); step++) {
            for (int row = 0; row < batch; row++) {
                window.copy(random.nextInt(window.size()), row, inputs, visits, outcomes);
            }
            total += trained.fit(inputs, visits, outcomes, batch);
            if (config.weightDecay() > 0) {
                trained.params().muli(1 - config.learningRate() * config.weightDecay());
            }
        }
        return total / config.trainSteps();
    }

    /** The gate match; the trained network becomes the best if it scores at least the threshold. */
    private void gate() {
        if (config.gateGames() == 0) {
            best = copyOf(trained);
            return;
        }
        List<TurnBasedGame> games = new ArrayList<>();
        for (int g = 0; g < config.gateGames(); g++) {
            games.add(newGame.get());
        }
        List<SearchTree> trees = games.stream().map(game -> new SearchTree()).toList();
        int ply = 0;
        while (games.stream().anyMatch(game -> !game.isOver())) {
            for (ActorCritic mover : List.of(trained, best)) {
                List<TurnBasedGame> moving = new ArrayList<>();
                List<SearchTree> movingTrees = new ArrayList<>();
                for (int g = 0; g < games.size(); g++) {
                    boolean trainedMoves = (games.get(g).currentPlayer() == 0) == (g % 2 == 0);
                    if (!games.get(g).isOver() && (mover == trained) == trainedMoves) {
                        trees.get(g).clear();
                        moving.add(games.get(g));
                        movingTrees.add(trees.get(g));
                    }
                }
                SearchTree.expandRoots(movingTrees, moving, mover);
                SearchTree.simulate(movingTrees, moving, mover, config.simulations(), config.cPuct());
                for (int i = 0; i < moving.size(); i++) {
                    float[] visits = movingTrees.get(i).visitDistribution(actions);
                    moving.get(i).play(SearchTree.choose(visits, ply < config.temperatureMoves(), random));
                }
            }
            ply++;
        }
        double score = 0;
        for (int g = 0; g < games.size(); g++) {
            int trainedSide = g % 2 == 0 ? 0 : 1;
            score += (games.get(g).outcome().valueFor(trainedSide) + 1) / 2;
        }
        if (score / games.size() >= config.gateThreshold()) {
            best = copyOf(trained);
        }
    }

    private static ActorCritic copyOf(ActorCritic network) {
        return ActorCritic.fromBytes(network.toBytes(false), false);
    }

    @Override
    public int act(float[] observation, boolean[] mask) {
        return new AlphaZeroPolicy(best).act(observation, mask);
    }

    @Override
    public boolean weightsFinite() {
        return ModelBytes.finite(trained.params()) && ModelBytes.finite(best.params());
    }

    /** The best network: the one that plays. */
    @Override
    public byte[] modelBytes(boolean withUpdater) {
        return best.toBytes(withUpdater);
    }

    /** Counters, the random stream, the trained network with its optimizer state, and the window. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        Learner.writeStateFormat(out, STATE_FORMAT);
        out.writeLong(gamesDone);
        out.writeDouble(lastLoss);
        out.writeLong(random.state());
        byte[] network = trained.toBytes(true);
        out.writeInt(network.length);
        out.write(network);
        window.write(out);
    }

    @Override
    public void restore(byte[] model, DataInputStream state, long stepsDone) throws IOException {
        Learner.requireStateFormat(state, STATE_FORMAT);
        best = ActorCritic.fromBytes(model, false);
        gamesDone = state.readLong();
        lastLoss = state.readDouble();
        random.restore(state.readLong());
        int length = state.readInt();
        if (length < 0 || length > MAX_NETWORK_BYTES) {
            throw new IOException("the trained network's size " + length + " is out of range");
        }
        byte[] network = new byte[length];
        state.readFully(network);
        ModelBytes.restoreInto(trained.model(), network);
        window.read(state);
        this.stepsDone = stepsDone;
    }
}
