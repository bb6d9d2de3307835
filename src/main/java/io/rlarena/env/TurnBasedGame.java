package io.rlarena.env;

import java.util.List;

/**
 * The rules of a two-player, zero-sum board game with perfect information (PettingZoo classic's
 * shape): enough for a wrapper to turn it into an {@link Environment} and for minimax or Monte
 * Carlo tree search to play any game.
 *
 * <p>Players are 0 (moves first) and 1. They alternate on every move: a game with passes (Othello)
 * makes the pass an explicit action, so {@link #currentPlayer()} is also defined once the game is
 * over (the player who would move next). Actions are {@code 0 .. actionCount()-1}; which are legal
 * comes from {@link #legalMoves(int[])}, and none is legal once the game is over.
 *
 * <p>Search plays moves and takes them back with {@link #undo()}, or works on a {@link #copy()};
 * both are cheap. Games are mutable and not thread-safe.
 */
public interface TurnBasedGame {

    /** How a game stands: still in progress, won by one player, or drawn. */
    enum Outcome {
        IN_PROGRESS, FIRST_WINS, SECOND_WINS, DRAW;

        /** The outcome in which {@code player} (0 or 1) wins. */
        public static Outcome winFor(int player) {
            return player == 0 ? FIRST_WINS : SECOND_WINS;
        }

        public boolean over() {
            return this != IN_PROGRESS;
        }

        /** The winning player, or -1 for a draw or a game in progress. */
        public int winner() {
            return this == FIRST_WINS ? 0 : this == SECOND_WINS ? 1 : -1;
        }

        /** For {@code player}: 1 win, -1 loss, 0 draw (or in progress). */
        public double valueFor(int player) {
            int winner = winner();
            return winner < 0 ? 0 : winner == player ? 1 : -1;
        }
    }

    /** The number of action ids (board cells, columns, plus a pass where the game has one). */
    int actionCount();

    /** The shape of {@link #observation(int)}: channels, rows, columns. */
    int[] planeShape();

    /** The player to move, 0 or 1. */
    int currentPlayer();

    Outcome outcome();

    default boolean isOver() {
        return outcome().over();
    }

    /**
     * Writes the legal actions into {@code moves} (at least {@link #actionCount()} long), in the
     * order search should try them, and returns how many there are (0 once the game is over).
     */
    int legalMoves(int[] moves);

    boolean isLegal(int action);

    /** A fresh mask, {@link #actionCount()} long, of the legal actions. */
    default boolean[] legalMask() {
        int[] moves = new int[actionCount()];
        boolean[] mask = new boolean[moves.length];
        for (int i = legalMoves(moves) - 1; i >= 0; i--) {
            mask[moves[i]] = true;
        }
        return mask;
    }

    /**
     * Plays {@code action} for the current player.
     *
     * @throws IllegalArgumentException if the action is not legal (the message names it)
     */
    void play(int action);

    /**
     * Takes back the last move played.
     *
     * @throws IllegalStateException if no move was played
     */
    void undo();

    /**
     * The action that plays on the left-right mirror image of the board what {@code action} plays
     * here, or -1 for every action if the rules are not symmetric under that mirror (the default;
     * Othello's start position is not). Observations mirror by reversing each plane's rows.
     */
    default int mirrorAction(int action) {
        return -1;
    }

    /** An independent copy, with the same history (so it can undo too). */
    TurnBasedGame copy();

    /**
     * A quick estimate of the position for {@code player}, from -1 (surely lost) to 1 (surely
     * won): depth-limited search scores the positions where it stops with it.
     */
    double heuristic(int player);

    /**
     * The board from {@code player}'s perspective as flat planes in channel, row, column order
     * ({@link #planeShape()}): plane 0 holds the player's own pieces, plane 1 the opponent's, as 1
     * or 0, then any planes the game adds. Fresh on every call.
     */
    float[] observation(int player);

    /** The observation of the player to move. */
    default float[] observation() {
        return observation(currentPlayer());
    }

    /** The move {@code action} in the notation a person types, e.g. {@code b2}, {@code 4}, {@code pass}. */
    String formatMove(int action);

    /**
     * The action a person's move text names (case and surrounding blanks ignored); legality is not
     * checked here.
     *
     * @throws IllegalArgumentException if the text is no move of this game (the message shows the valid form)
     */
    int parseMove(String text);

    /** The board as text, with coordinates and whose turn it is or how the game ended. */
    String render();

    /** The cells of the line that won the game, in notation (empty while it goes on, after a draw, or without lines). */
    default List<String> winningLine() {
        return List.of();
    }
}
