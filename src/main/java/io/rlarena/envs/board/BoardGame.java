package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What the built-in games share: a grid of cells (0 empty, 1 a piece of player 0, 2 a piece of
 * player 1), whose turn it is, the outcome, the move history, the two-plane observation and
 * chess-like cell names ({@code a1} is the top-left cell, letters name columns, numbers rows).
 * Player 0's pieces are drawn {@code X}, player 1's {@code O}.
 */
abstract class BoardGame implements TurnBasedGame {

    static final char[] PIECES = {'X', 'O'};

    final int rows;
    final int cols;
    final int[] cells;
    final int[] history;
    int plies;
    int player;
    Outcome outcome = Outcome.IN_PROGRESS;

    BoardGame(int rows, int cols, int maxPlies) {
        this.rows = rows;
        this.cols = cols;
        this.cells = new int[rows * cols];
        this.history = new int[maxPlies];
    }

    BoardGame(BoardGame other) {
        this.rows = other.rows;
        this.cols = other.cols;
        this.cells = other.cells.clone();
        this.history = other.history.clone();
        this.plies = other.plies;
        this.player = other.player;
        this.outcome = other.outcome;
    }

    @Override
    public int currentPlayer() {
        return player;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public int[] planeShape() {
        return new int[] {2, rows, cols};
    }

    @Override
    public float[] observation(int perspective) {
        if (perspective != 0 && perspective != 1) {
            throw new IllegalArgumentException("player must be 0 or 1, got " + perspective);
        }
        int area = rows * cols;
        float[] planes = new float[2 * area];
        for (int cell = 0; cell < area; cell++) {
            if (cells[cell] == perspective + 1) {
                planes[cell] = 1f;
            } else if (cells[cell] != 0) {
                planes[area + cell] = 1f;
            }
        }
        return planes;
    }

    /** The player whose piece is on the cell (0 or 1), or -1 if it is empty. */
    public int pieceAt(int row, int col) {
        return cells[row * cols + col] - 1;
    }

    /** The number of moves played. */
    public int plies() {
        return plies;
    }

    /** The cell the last move filled, or -1 before any move (and after a pass); renders show it in lower case. */
    int lastMoveCell() {
        return plies == 0 ? -1 : cellOfMove(history[plies - 1]);
    }

    /** The cell move {@code move} filled (it was the last one played): the move itself where moves are cells. */
    int cellOfMove(int move) {
        return move < rows * cols ? move : -1;
    }

    /** Pieces in a row that win the game; 0 where no line wins (Othello counts discs). */
    int winLength() {
        return 0;
    }

    @Override
    public List<String> winningLine() {
        int last = lastMoveCell();
        if (winLength() == 0 || last < 0 || outcome.winner() < 0) {
            return List.of();
        }
        int piece = cells[last];
        int row = last / cols;
        int col = last % cols;
        for (int[] direction : new int[][] {{0, 1}, {1, 0}, {1, 1}, {1, -1}}) {
            List<Integer> line = new ArrayList<>();
            int r = row;
            int c = col;
            while (r - direction[0] >= 0 && r - direction[0] < rows && c - direction[1] >= 0 && c - direction[1] < cols
                    && cells[(r - direction[0]) * cols + c - direction[1]] == piece) {
                r -= direction[0];
                c -= direction[1];
            }
            while (r >= 0 && r < rows && c >= 0 && c < cols && cells[r * cols + c] == piece) {
                line.add(r * cols + c);
                r += direction[0];
                c += direction[1];
            }
            if (line.size() >= winLength()) {
                return line.stream().map(this::cellName).toList();
            }
        }
        return List.of();
    }

    /** Records {@code action} as played and passes the turn. */
    void pushMove(int action) {
        history[plies++] = action;
        player = 1 - player;
    }

    /** Forgets the last move, gives the turn back to its player and returns it. */
    int popMove() {
        if (plies == 0) {
            throw new IllegalStateException("no move to undo");
        }
        player = 1 - player;
        outcome = Outcome.IN_PROGRESS;
        return history[--plies];
    }

    /** Throws an error naming the move, why it is illegal and the legal moves, unless it is legal. */
    void requireLegal(int action) {
        if (isLegal(action)) {
            return;
        }
        String why = outcome.over() ? "the game is over (" + status() + ")"
                : action < 0 || action >= actionCount() ? "action " + action + " is outside 0.." + (actionCount() - 1)
                : formatMove(action) + " is not a legal move for " + PIECES[player];
        throw new IllegalArgumentException("illegal move: " + why + legalList());
    }

    private String legalList() {
        int[] moves = new int[actionCount()];
        int count = legalMoves(moves);
        if (count == 0) {
            return "";
        }
        StringJoiner legal = new StringJoiner(" ", "; legal moves: ", "");
        for (int i = 0; i < count; i++) {
            legal.add(formatMove(moves[i]));
        }
        return legal.toString();
    }

    void requireAction(int action) {
        if (action < 0 || action >= actionCount()) {
            throw new IllegalArgumentException("action " + action + " is outside 0.." + (actionCount() - 1));
        }
    }

    /** Whose turn it is, or how the game ended. */
    String status() {
        return switch (outcome) {
            case IN_PROGRESS -> PIECES[player] + " to move";
            case FIRST_WINS, SECOND_WINS -> PIECES[outcome.winner()] + " wins";
            case DRAW -> "draw";
        };
    }

    String cellName(int cell) {
        return (char) ('a' + cell % cols) + Integer.toString(cell / cols + 1);
    }

    /** The cell that text such as {@code b3} names, or -1. */
    int parseCell(String text) {
        String move = text.trim().toLowerCase(Locale.ROOT);
        if (!move.matches("[a-z][0-9]{1,2}")) {
            return -1;
        }
        int col = move.charAt(0) - 'a';
        int row = Integer.parseInt(move.substring(1)) - 1;
        return col < cols && row >= 0 && row < rows ? row * cols + col : -1;
    }

    /** The range of cell names, e.g. {@code a1..c3}. */
    String cellRange() {
        return "a1.." + cellName(rows * cols - 1) + " (column a-" + (char) ('a' + cols - 1) + ", row 1-" + rows
                + " from the top)";
    }

    /** A cell as the renders show it: a dot when empty, the piece (in lower case if the last move put it there). */
    char pieceChar(int row, int col) {
        int piece = pieceAt(row, col);
        if (piece < 0) {
            return '.';
        }
        return row * cols + col == lastMoveCell() ? Character.toLowerCase(PIECES[piece]) : PIECES[piece];
    }

    /** The grid with column letters above and row numbers left, empty cells as dots. */
    String renderGrid() {
        StringBuilder text = new StringBuilder("  ");
        for (int col = 0; col < cols; col++) {
            text.append(' ').append((char) ('a' + col));
        }
        text.append('\n');
        for (int row = 0; row < rows; row++) {
            text.append(String.format("%2d", row + 1));
            for (int col = 0; col < cols; col++) {
                text.append(' ').append(pieceChar(row, col));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
