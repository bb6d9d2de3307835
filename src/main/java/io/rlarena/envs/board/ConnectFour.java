package io.rlarena.envs.board;

import java.util.ArrayList;
import java.util.List;

/**
 * Connect Four: 6 rows x 7 columns, a piece drops to the lowest empty cell of its column, four in
 * a row (horizontal, vertical or diagonal) wins, a full board without one is a draw. Action: the
 * column, 0..6; notation: the column number 1..7. A full column is not a legal move.
 */
public final class ConnectFour extends BoardGame {

    public static final int ROWS = 6;
    public static final int COLUMNS = 7;
    private static final int[] SEARCH_ORDER = {3, 2, 4, 1, 5, 0, 6};
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
    /** Every four-cell line on the board (69 of them). */
    private static final int[][] WINDOWS = windows();
    /** Heuristic weight of a window holding 0..3 pieces of one player only. */
    private static final int[] WINDOW_WEIGHTS = {0, 1, 4, 16};

    private final int[] heights;

    public ConnectFour() {
        super(ROWS, COLUMNS, ROWS * COLUMNS);
        heights = new int[COLUMNS];
    }

    private ConnectFour(ConnectFour other) {
        super(other);
        heights = other.heights.clone();
    }

    private static int[][] windows() {
        List<int[]> windows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                for (int[] d : DIRECTIONS) {
                    int endRow = row + 3 * d[0];
                    int endCol = col + 3 * d[1];
                    if (endRow < ROWS && endCol >= 0 && endCol < COLUMNS) {
                        int[] window = new int[4];
                        for (int i = 0; i < 4; i++) {
                            window[i] = (row + i * d[0]) * COLUMNS + col + i * d[1];
                        }
                        windows.add(window);
                    }
                }
            }
        }
        return windows.toArray(int[][]::new);
    }

    @Override
    public int actionCount() {
        return COLUMNS;
    }

    @Override
    public int mirrorAction(int column) {
        return COLUMNS - 1 - column;
    }

    @Override
    public int legalMoves(int[] moves) {
        if (outcome.over()) {
            return 0;
        }
        int count = 0;
        for (int col : SEARCH_ORDER) {
            if (heights[col] < ROWS) {
                moves[count++] = col;
            }
        }
        return count;
    }

    @Override
    public boolean isLegal(int action) {
        return !outcome.over() && action >= 0 && action < COLUMNS && heights[action] < ROWS;
    }

    @Override
    public void play(int column) {
        requireLegal(column);
        int row = ROWS - 1 - heights[column];
        cells[row * COLUMNS + column] = player + 1;
        heights[column]++;
        if (fourThrough(row, column)) {
            outcome = Outcome.winFor(player);
        } else if (plies + 1 == ROWS * COLUMNS) {
            outcome = Outcome.DRAW;
        }
        pushMove(column);
    }

    private boolean fourThrough(int row, int col) {
        int piece = cells[row * COLUMNS + col];
        for (int[] d : DIRECTIONS) {
            if (1 + run(row, col, d[0], d[1], piece) + run(row, col, -d[0], -d[1], piece) >= 4) {
                return true;
            }
        }
        return false;
    }

    private int run(int row, int col, int dRow, int dCol, int piece) {
        int length = 0;
        for (int r = row + dRow, c = col + dCol; r >= 0 && r < ROWS && c >= 0 && c < COLUMNS
                && cells[r * COLUMNS + c] == piece; r += dRow, c += dCol) {
            length++;
        }
        return length;
    }

    @Override
    public void undo() {
        int column = popMove();
        heights[column]--;
        cells[(ROWS - 1 - heights[column]) * COLUMNS + column] = 0;
    }

    @Override
    public ConnectFour copy() {
        return new ConnectFour(this);
    }

    /** Four-cell windows still open to one player only, weighted by how full they are. */
    @Override
    public double heuristic(int player) {
        int score = 0;
        for (int[] window : WINDOWS) {
            int own = 0;
            int other = 0;
            for (int cell : window) {
                own += cells[cell] == player + 1 ? 1 : 0;
                other += cells[cell] == 2 - player ? 1 : 0;
            }
            if (other == 0 && own < 4) {
                score += WINDOW_WEIGHTS[own];
            } else if (own == 0 && other < 4) {
                score -= WINDOW_WEIGHTS[other];
            }
        }
        return Math.tanh(score / 64.0);
    }

    /** A move is a column: the cell it filled is that column's top piece. */
    @Override
    int cellOfMove(int column) {
        return (ROWS - heights[column]) * COLUMNS + column;
    }

    @Override
    int winLength() {
        return 4;
    }

    @Override
    public String formatMove(int action) {
        requireAction(action);
        return Integer.toString(action + 1);
    }

    @Override
    public int parseMove(String text) {
        String move = text.trim();
        if (move.matches("[1-7]")) {
            return move.charAt(0) - '1';
        }
        throw new IllegalArgumentException("'" + text + "' is no Connect Four move: type a column number 1-7");
    }

    /** Rows top to bottom between bars, column numbers below. */
    @Override
    public String render() {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < ROWS; row++) {
            text.append('|');
            for (int col = 0; col < COLUMNS; col++) {
                text.append(' ').append(pieceChar(row, col));
            }
            text.append(" |\n");
        }
        text.append('+').append("-".repeat(2 * COLUMNS + 1)).append("+\n ");
        for (int col = 1; col <= COLUMNS; col++) {
            text.append(' ').append(col);
        }
        return text.append('\n').append(status()).append('\n').toString();
    }
}
