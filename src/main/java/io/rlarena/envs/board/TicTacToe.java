package io.rlarena.envs.board;

/**
 * Tic-tac-toe on 3 x 3: three in a row, column or diagonal wins, a full board without one is a
 * draw. Action {@code row * 3 + col}; notation {@code a1..c3} (letter the column, number the
 * row, {@code a1} top left).
 */
public final class TicTacToe extends BoardGame {

    private static final int SIZE = 3;
    static final int CELLS = SIZE * SIZE;
    private static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
        {0, 4, 8}, {2, 4, 6}};
    /** Center, corners, edges: the usual strength order, which speeds up alpha-beta. */
    private static final int[] SEARCH_ORDER = {4, 0, 2, 6, 8, 1, 3, 5, 7};
    /** Heuristic weight of a line holding 0, 1 or 2 pieces of one player only. */
    private static final int[] LINE_WEIGHTS = {0, 1, 3};

    public TicTacToe() {
        super(SIZE, SIZE, CELLS);
    }

    private TicTacToe(TicTacToe other) {
        super(other);
    }

    @Override
    public int actionCount() {
        return CELLS;
    }

    @Override
    public int mirrorAction(int cell) {
        return cell - cell % SIZE + SIZE - 1 - cell % SIZE;
    }

    @Override
    public int legalMoves(int[] moves) {
        if (outcome.over()) {
            return 0;
        }
        int count = 0;
        for (int cell : SEARCH_ORDER) {
            if (cells[cell] == 0) {
                moves[count++] = cell;
            }
        }
        return count;
    }

    @Override
    public boolean isLegal(int action) {
        return !outcome.over() && action >= 0 && action < CELLS && cells[action] == 0;
    }

    @Override
    public void play(int action) {
        requireLegal(action);
        cells[action] = player + 1;
        if (completesLine(action)) {
            outcome = Outcome.winFor(player);
        } else if (plies + 1 == CELLS) {
            outcome = Outcome.DRAW;
        }
        pushMove(action);
    }

    private boolean completesLine(int cell) {
        int piece = cells[cell];
        for (int[] line : LINES) {
            if ((line[0] == cell || line[1] == cell || line[2] == cell)
                    && cells[line[0]] == piece && cells[line[1]] == piece && cells[line[2]] == piece) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void undo() {
        cells[popMove()] = 0;
    }

    @Override
    public TicTacToe copy() {
        return new TicTacToe(this);
    }

    /** Lines still open to one player only, weighted by how full they are. */
    @Override
    public double heuristic(int player) {
        int score = 0;
        for (int[] line : LINES) {
            int own = 0;
            int other = 0;
            for (int cell : line) {
                own += cells[cell] == player + 1 ? 1 : 0;
                other += cells[cell] == 2 - player ? 1 : 0;
            }
            if (other == 0 && own < SIZE) {
                score += LINE_WEIGHTS[own];
            } else if (own == 0 && other < SIZE) {
                score -= LINE_WEIGHTS[other];
            }
        }
        return Math.tanh(score / 6.0);
    }

    @Override
    int winLength() {
        return 3;
    }

    @Override
    public String formatMove(int action) {
        requireAction(action);
        return cellName(action);
    }

    @Override
    public int parseMove(String text) {
        int cell = parseCell(text);
        if (cell < 0) {
            throw new IllegalArgumentException("'" + text + "' is no tic-tac-toe move: type a cell " + cellRange());
        }
        return cell;
    }

    @Override
    public String render() {
        return renderGrid() + status() + '\n';
    }
}
