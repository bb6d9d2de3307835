package io.rlarena.envs.board;

import io.rlarena.env.Box;
import io.rlarena.env.Discrete;
import io.rlarena.env.Drawable;
import io.rlarena.env.Drawing;
import io.rlarena.env.EnvSpec;
import io.rlarena.env.MirrorSymmetric;
import io.rlarena.env.Reset;
import io.rlarena.env.SeededEnvironment;
import io.rlarena.env.Space;
import io.rlarena.env.Step;
import io.rlarena.env.TurnBasedGame;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link TurnBasedGame} against an {@link Opponent}, as a single-agent environment. The agent
 * plays one {@link Side}; the opponent replies inside {@link #step} and opens inside
 * {@link #reset} when the agent plays second, drawing its randomness from this environment's
 * generator.
 *
 * <ul>
 * <li>Observation: the board's planes from the agent's perspective (plane 0 its own pieces, plane
 * 1 the opponent's), a [0, 1] box of shape channels x rows x columns. The action mask holds the
 * agent's legal moves (none once the episode is over).</li>
 * <li>Reward: on the step that ends the game (terminated) +1 for a win, -1 for a loss, 0 for a
 * draw, all from the agent's side; 0 on every other step.</li>
 * <li>Illegal moves: an action inside the action space that is not legal ends the episode at once
 * (terminated) as a loss with reward {@code illegalPenalty}, leaving the board as it was; it is
 * never replaced by a legal move.</li>
 * <li>Info: on reset {@code agent_side} ({@code first} or {@code second}) and, when the opponent
 * opened, {@code opponent_move}; on a step {@code opponent_move} when the opponent replied; on the
 * last step {@code outcome} ({@code win}, {@code loss} or {@code draw}) and {@code success} (a
 * win), plus {@code illegal_move} (the move in notation) when that ended it.</li>
 * </ul>
 */
public final class BoardGameEnv extends SeededEnvironment implements MirrorSymmetric, Drawable {

    /**
     * The agent's side: always first, always second, or alternating with every reset of this
     * environment object (first, second, first, ...), reseeded or not.
     */
    public enum Side { FIRST, SECOND, ALTERNATE }

    private final EnvSpec spec;
    private final Supplier<? extends TurnBasedGame> newGame;
    private final Opponent opponent;
    private final Side side;
    private final double illegalPenalty;
    private final Box observationSpace;
    private final Discrete actionSpace;
    private final TurnBasedGame rules;
    private TurnBasedGame game;
    private Opponent current;
    private int agent;
    private long episodes;
    private boolean over = true;
    /** Plies played in the current game (both sides). */
    private int plies;

    public BoardGameEnv(EnvSpec spec, Supplier<? extends TurnBasedGame> newGame, Opponent opponent, Side side,
                        double illegalPenalty) {
        if (!Double.isFinite(illegalPenalty) || illegalPenalty > 0) {
            throw new IllegalArgumentException("illegal-move penalty must be a finite number <= 0, got "
                    + illegalPenalty);
        }
        this.spec = spec;
        this.newGame = newGame;
        this.opponent = opponent;
        this.side = side;
        this.illegalPenalty = illegalPenalty;
        TurnBasedGame sample = newGame.get();
        this.observationSpace = Box.of(0f, 1f, sample.planeShape());
        this.actionSpace = new Discrete(sample.actionCount());
        this.rules = sample;
    }

    /** The game's left-right mirror of {@code action} (-1 for games without that symmetry). */
    @Override
    public int mirrorAction(int action) {
        return rules.mirrorAction(action);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    /** The opponent of the current game (for a mixture, this game's member). */
    public Opponent opponent() {
        return current != null ? current : opponent;
    }

    /** The agent's player in the current episode: 0 (moves first) or 1. */
    public int agentPlayer() {
        return agent;
    }

    /** Lets {@code self} in this environment's opponent play {@code pool} (the agent's own snapshots); true if any. */
    public boolean bindSelfPlay(Opponent pool) {
        return opponent.bindSelfPlay(pool);
    }

    /** A fresh game of the kind this environment plays, for code that plays games directly. */
    public TurnBasedGame newGame() {
        return newGame.get();
    }

    /** A copy of the current game (with its history). */
    public TurnBasedGame game() {
        requireStarted();
        return game.copy();
    }

    /** The generator's state and the episode count (which side the agent takes with {@code side=alternate}). */
    @Override
    public long[] betweenEpisodes() {
        long[] random = super.betweenEpisodes();
        long[] state = java.util.Arrays.copyOf(random, random.length + 1);
        state[random.length] = episodes;
        return state;
    }

    @Override
    public void restoreBetweenEpisodes(long[] state) {
        if (state.length < 2) {
            throw new IllegalArgumentException("a board game's state holds its generator's state and episode count");
        }
        super.restoreBetweenEpisodes(java.util.Arrays.copyOf(state, state.length - 1));
        episodes = state[state.length - 1];
    }

    @Override
    public Reset reset() {
        game = newGame.get();
        plies = 0;
        current = opponent.forNewGame(random());
        agent = switch (side) {
            case FIRST -> 0;
            case SECOND -> 1;
            case ALTERNATE -> (int) (episodes % 2);
        };
        episodes++;
        over = false;
        Map<String, Object> info = new HashMap<>();
        info.put("agent_side", agent == 0 ? "first" : "second");
        if (agent == 1) {
            info.put("opponent_move", opponentMoves());
        }
        return new Reset(game.observation(agent), Map.copyOf(info));
    }

    @Override
    public Step step(int action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException(spec.id() + " actions are 0.." + (actionSpace.n() - 1) + ", got "
                    + action);
        }
        requireStarted();
        if (over) {
            throw new IllegalStateException("the game is over: call reset() before step()");
        }
        Map<String, Object> info = new HashMap<>();
        if (!game.isLegal(action)) {
            over = true;
            info.put("illegal_move", game.formatMove(action));
            info.put("outcome", "loss");
            info.put("success", false);
            return new Step(game.observation(agent), illegalPenalty, true, false, Map.copyOf(info));
        }
        play(action);
        if (!game.isOver()) {
            info.put("opponent_move", opponentMoves());
            if (!game.isOver()) {
                return new Step(game.observation(agent), 0, false, false, Map.copyOf(info));
            }
        }
        over = true;
        double reward = game.outcome().valueFor(agent);
        info.put("outcome", reward > 0 ? "win" : reward < 0 ? "loss" : "draw");
        info.put("success", reward > 0);
        return new Step(game.observation(agent), reward, true, false, Map.copyOf(info));
    }

    /** Plays the opponent's move and returns it in notation. */
    private String opponentMoves() {
        int move = current.move(game, random());
        String notation = game.formatMove(move);
        play(move);
        return notation;
    }

    /** Plays one ply (counted, so the drawing can find the last one). */
    private void play(int move) {
        game.play(move);
        plies++;
    }

    /** The cell the last ply filled (by undoing it on a copy), or -1 before any ply and for a pass. */
    private int lastPlaced() {
        if (game == null || plies == 0) {
            return -1;
        }
        float[] after = game.observation(0);
        TurnBasedGame before = game.copy();
        before.undo();
        float[] earlier = before.observation(0);
        int cells = after.length / 2;
        for (int cell = 0; cell < cells; cell++) {
            boolean wasEmpty = earlier[cell] == 0 && earlier[cells + cell] == 0;
            if (wasEmpty && (after[cell] != 0 || after[cells + cell] != 0)) {
                return cell;
            }
        }
        return -1;
    }

    /** The board, the pieces of the first (red) and second (yellow) player, and the last move ringed. */
    @Override
    public Drawing draw() {
        int[] shape = rules.planeShape();
        int rows = shape[1];
        int cols = shape[2];
        Drawing.Builder drawing = new Drawing.Builder(cols, rows, "#1565c0");
        float[] planes = game == null ? new float[2 * rows * cols] : game.observation(0);
        int lastPlaced = lastPlaced();
        for (int cell = 0; cell < rows * cols; cell++) {
            double x = cell % cols + 0.5;
            double y = cell / cols + 0.5;
            String piece = planes[cell] != 0 ? FIRST : planes[rows * cols + cell] != 0 ? SECOND : "#e3f2fd";
            drawing.add(new Drawing.Circle(x, y, 0.4, piece, "#0d47a1"));
            if (cell == lastPlaced) {
                drawing.add(new Drawing.Circle(x, y, 0.46, null, "#212121"));
            }
        }
        return drawing.key(FIRST, agent == 0 ? "agent (moves first)" : "opponent (moves first)")
                .key(SECOND, agent == 1 ? "agent (moves second)" : "opponent (moves second)")
                .key("#212121", "last move").build();
    }

    private static final String FIRST = "#e53935";
    private static final String SECOND = "#fdd835";

    @Override
    public boolean[] actionMask() {
        return over ? new boolean[actionSpace.n()] : game.legalMask();
    }

    @Override
    public String render() {
        if (game == null) {
            return "no game yet: call reset()\n";
        }
        return game.render() + "agent moves " + (agent == 0 ? "first" : "second") + ", opponent " + opponent.spec()
                + '\n';
    }

    private void requireStarted() {
        if (game == null) {
            throw new IllegalStateException("no game yet: call reset() first");
        }
    }
}
