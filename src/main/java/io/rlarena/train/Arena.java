package io.rlarena.train;

import io.rlarena.agent.AgentFile;
import io.rlarena.agent.Policy;
import io.rlarena.agent.SearchingPolicy;
import io.rlarena.env.RestorableRandom;
import io.rlarena.env.Seeds;
import io.rlarena.env.TurnBasedGame;
import io.rlarena.envs.board.AlphaBeta;
import io.rlarena.envs.board.Opponent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A round robin on a board game: every pair of players plays {@code games} games, the first-named
 * player moving first in the even-numbered games and second in the odd ones. Results are counted
 * from the first-named player's side; Elo ratings are fitted to all games at once.
 */
public final class Arena {

    /** Rating of the fixed anchor every player is given virtual draws against. */
    public static final double ANCHOR_ELO = 1500;
    private static final double VIRTUAL_DRAWS = 2;

    private Arena() {
    }

    /** A named player: an agent or an opponent spec. */
    public record Player(String name, Opponent opponent) {

        /** Whether this player is an agent that searches (AlphaZero), whose simulations can be set. */
        public boolean searches() {
            return opponent instanceof PolicyPlayer agent && agent.policy() instanceof SearchingPolicy;
        }

        /** This player searching {@code simulations} simulations per move, if it {@link #searches} (else itself). */
        public Player withSimulations(int simulations) {
            return opponent instanceof PolicyPlayer agent && agent.policy() instanceof SearchingPolicy searching
                    ? new Player(name, new PolicyPlayer(agent.spec(), searching.withSimulations(simulations))) : this;
        }

        /**
         * The player a command-line word names: an opponent spec ({@link Opponent#SPEC_FORMS}) or
         * the path of an agent file trained on the game.
         *
         * @throws IllegalArgumentException if it is neither, or the agent file is unreadable
         */
        public static Player parse(String word) {
            Path file = Path.of(word);
            if (!Files.isRegularFile(file)) {
                try {
                    return new Player(word, Opponent.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("player '" + word + "' is neither an agent file nor an opponent: "
                            + "give the path of an agent file or one of " + Opponent.SPEC_FORMS);
                }
            }
            return new Player(word, new PolicyPlayer(word, AgentFile.load(file).policy()));
        }

        /**
         * {@link #parse(String)} for games of {@code envId}: an agent file must have been trained on
         * that game and fit its boards, checked before any game starts.
         *
         * @throws IllegalArgumentException naming the file and the mismatch
         */
        public static Player parse(String word, String envId, Supplier<? extends TurnBasedGame> games) {
            Path file = Path.of(word);
            if (!Files.isRegularFile(file)) {
                Player player = parse(word);
                if (!player.opponent().plays(games.get())) {
                    throw new IllegalArgumentException("player '" + word + "' cannot play " + envId
                            + ": solver plays Connect Four and tic-tac-toe only");
                }
                return player;
            }
            AgentFile.Contents agent = AgentFile.load(file);
            agent.requireEnv(envId);
            TurnBasedGame game = games.get();
            return new Player(word, new PolicyPlayer(word, agent.policyFor(envId, game.observation().length,
                    game.legalMask().length)));
        }
    }

    /**
     * An agent as a player: a greedy policy sees the board from its own side, under the legal-move
     * mask; a {@link SearchingPolicy} (AlphaZero) searches the game itself.
     */
    public record PolicyPlayer(String spec, Policy policy) implements Opponent {
        @Override
        public int move(TurnBasedGame game, RandomGenerator random) {
            return policy instanceof SearchingPolicy searching ? searching.move(game, random)
                    : policy.act(game.observation(), game.legalMask());
        }
    }

    /** One pair's games, counted from {@code players.get(0)}'s side. */
    public record PairResult(List<String> players, int games, int wins, int draws, int losses) {
        public double winRate() {
            return games == 0 ? 0 : (double) wins / games;
        }
    }

    /** A player's fitted rating. */
    public record Rating(String player, double elo) {
    }

    /** Every pair's result and the ratings, best first. */
    public record Report(List<PairResult> pairs, List<Rating> ratings) {
    }

    /**
     * Plays the round robin; game {@code g} of pair {@code k} draws its randomness from
     * {@code Seeds.derive(seed, "pair-" + k, g)}, so the same seed replays the same games.
     */
    public static Report play(Supplier<? extends TurnBasedGame> newGame, List<Player> players, int games, long seed) {
        return play(newGame, players, games, seed, done -> { });
    }

    /** {@link #play(Supplier, List, int, long)}, telling {@code progress} the games played after each. */
    public static Report play(Supplier<? extends TurnBasedGame> newGame, List<Player> players, int games, long seed,
                              IntConsumer progress) {
        if (players.size() < 2) {
            throw new IllegalArgumentException("an arena needs at least two players, got " + players.size());
        }
        if (games < 1) {
            throw new IllegalArgumentException("--games must be >= 1, got " + games);
        }
        if (players.stream().map(Player::name).distinct().count() < players.size()) {
            throw new IllegalArgumentException("arena players must differ, got "
                    + players.stream().map(Player::name).toList());
        }
        List<PairResult> pairs = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            for (int j = i + 1; j < players.size(); j++) {
                int before = pairs.size() * games;
                pairs.add(playPair(newGame, players.get(i), players.get(j), games, Seeds.derive(seed, "pair-" + pairs.size()),
                        done -> progress.accept(before + done)));
            }
        }
        return new Report(pairs, ratings(players, pairs));
    }

    private static PairResult playPair(Supplier<? extends TurnBasedGame> newGame, Player a, Player b, int games,
                                       long seed, IntConsumer progress) {
        int wins = 0;
        int draws = 0;
        for (int g = 0; g < games; g++) {
            Player first = g % 2 == 0 ? a : b;
            Player second = g % 2 == 0 ? b : a;
            RandomGenerator random = new RestorableRandom(Seeds.derive(seed, "game", g));
            TurnBasedGame.Outcome outcome = playGame(newGame.get(), first.opponent(), second.opponent(), random);
            int aSide = g % 2 == 0 ? 0 : 1;
            if (outcome.winner() == aSide) {
                wins++;
            } else if (outcome == TurnBasedGame.Outcome.DRAW) {
                draws++;
            }
            progress.accept(g + 1);
        }
        return new PairResult(List.of(a.name(), b.name()), games, wins, draws, games - wins - draws);
    }

    /**
     * Plays one game to its end, {@code first} moving as player 0.
     *
     * @throws IllegalStateException naming the player if one chooses an illegal move
     */
    public static TurnBasedGame.Outcome playGame(TurnBasedGame game, Opponent first, Opponent second,
                                                 RandomGenerator random) {
        Opponent firstForGame = first.forNewGame(random);
        Opponent secondForGame = second.forNewGame(random);
        while (!game.isOver()) {
            Opponent mover = game.currentPlayer() == 0 ? firstForGame : secondForGame;
            int action = mover.move(game, random);
            if (action < 0 || action >= game.actionCount() || !game.isLegal(action)) {
                throw new IllegalStateException(mover.spec() + " chose the illegal move " + action + " in\n"
                        + game.render());
            }
            game.play(action);
        }
        return game.outcome();
    }

    /** How a deterministic player fares over every line a searcher can choose: game counts by outcome. */
    public record Lines(int games, int wins, int draws, int losses) {
        Lines plus(Lines other) {
            return new Lines(games + other.games, wins + other.wins, draws + other.draws, losses + other.losses);
        }
    }

    /**
     * Plays {@code player} (deterministic, as a greedy agent is) as {@code side} (0 first, 1
     * second) from {@code game} against every one of {@code searcher}'s equally best moves at each
     * of its turns, and counts the outcomes of all these lines: not sampled, exhaustive.
     */
    public static Lines allLines(TurnBasedGame game, Opponent player, int side, AlphaBeta searcher) {
        if (game.isOver()) {
            int winner = game.outcome().winner();
            return new Lines(1, winner == side ? 1 : 0, winner < 0 ? 1 : 0, winner == 1 - side ? 1 : 0);
        }
        int[] moves = game.currentPlayer() == side ? new int[] {player.move(game, new RestorableRandom(0))}
                : searcher.bestMoves(game);
        Lines total = new Lines(0, 0, 0, 0);
        for (int move : moves) {
            game.play(move);
            total = total.plus(allLines(game, player, side, searcher));
            game.undo();
        }
        return total;
    }

    /**
     * Maximum-likelihood Elo ratings of all games (a draw counts half a win), each player also
     * given {@value #VIRTUAL_DRAWS} virtual draws against a fixed player rated {@value #ANCHOR_ELO}
     * so that unbeaten or winless players get finite ratings. Best first.
     */
    static List<Rating> ratings(List<Player> players, List<PairResult> pairs) {
        int n = players.size();
        List<String> names = players.stream().map(Player::name).toList();
        double[] elo = new double[n];
        java.util.Arrays.fill(elo, ANCHOR_ELO);
        double c = Math.log(10) / 400;
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] gradient = new double[n];
            double[] curvature = new double[n];
            for (int i = 0; i < n; i++) {
                double expected = expectedScore(elo[i], ANCHOR_ELO);
                gradient[i] += VIRTUAL_DRAWS * (0.5 - expected);
                curvature[i] += VIRTUAL_DRAWS * expected * (1 - expected);
            }
            for (PairResult pair : pairs) {
                int i = names.indexOf(pair.players().get(0));
                int j = names.indexOf(pair.players().get(1));
                double expected = expectedScore(elo[i], elo[j]);
                double score = pair.wins() + 0.5 * pair.draws();
                gradient[i] += score - pair.games() * expected;
                gradient[j] -= score - pair.games() * expected;
                curvature[i] += pair.games() * expected * (1 - expected);
                curvature[j] += pair.games() * expected * (1 - expected);
            }
            for (int i = 0; i < n; i++) {
                // a damped Newton step per player, on the Elo scale
                elo[i] += 0.5 * gradient[i] / (c * Math.max(curvature[i], 1e-9));
            }
        }
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ratings.add(new Rating(names.get(i), elo[i]));
        }
        ratings.sort((x, y) -> Double.compare(y.elo(), x.elo()));
        return ratings;
    }

    /** The Elo model's expected score of a player rated {@code elo} against one rated {@code other}. */
    static double expectedScore(double elo, double other) {
        return 1 / (1 + Math.pow(10, (other - elo) / 400));
    }
}
