package io.rlarena.envs.board;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Othello (Reversi) on an even board from 4 x 4 to 8 x 8. Player 0 is black ({@code X}) and moves
 * first; the four center cells start with white on the main diagonal. A placement must outflank
 * at least one line of opponent discs, which flip. A player with no placement must pass (the pass
 * is an action of its own, legal only then); the game ends when neither player can place, and the
 * one with more discs wins. Actions: {@code row * size + col} for a placement, {@code size * size}
 * for the pass; notation {@code a1} (top left) to e.g. {@code f6}, and {@code pass}.
 */
public final class Othello extends BoardGame {

    private static final int[][] DIRECTIONS = {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}};

    private final int size;
    private final int pass;
    /** Cells in search order: corners first, then edges, then the rest. */
    private final int[] searchOrder;
    /** The cells each move flipped, move after move; {@code flipStarts[ply]} is where a move's begin. */
    private final int[] flips;
    private final int[] flipStarts;
    private int flipCount;

    public Othello(int size) {
        super(checkSize(size), size, 2 * size * size);
        this.size = size;
        this.pass = size * size;
        this.searchOrder = searchOrder(size);
        this.flips = new int[size * size * DIRECTIONS.length * (size - 2)];
        this.flipStarts = new int[history.length];
        int mid = size / 2;
        cells[(mid - 1) * size + mid - 1] = 2;
        cells[mid * size + mid] = 2;
        cells[(mid - 1) * size + mid] = 1;
        cells[mid * size + mid - 1] = 1;
    }

    private Othello(Othello other) {
        super(other);
        size = other.size;
        pass = other.pass;
        searchOrder = other.searchOrder;
        flips = other.flips.clone();
        flipStarts = other.flipStarts.clone();
        flipCount = other.flipCount;
    }

    private static int checkSize(int size) {
        if (size < 4 || size > 8 || size % 2 != 0) {
            throw new IllegalArgumentException("Othello board size must be 4, 6 or 8, got " + size);
        }
        return size;
    }

    private static int[] searchOrder(int size) {
        Comparator<Integer> byRank = Comparator.comparingInt(cell -> {
            int row = cell / size;
            int col = cell % size;
            boolean rowEdge = row == 0 || row == size - 1;
            boolean colEdge = col == 0 || col == size - 1;
            return rowEdge && colEdge ? 0 : rowEdge || colEdge ? 1 : 2;
        });
        return IntStream.range(0, size * size).boxed().sorted(byRank).mapToInt(Integer::intValue).toArray();
    }

    public int size() {
        return size;
    }

    /** The action of a pass. */
    public int passAction() {
        return pass;
    }

    /** The number of discs {@code player} has on the board. */
    public int discs(int player) {
        int count = 0;
        for (int cell : cells) {
            count += cell == player + 1 ? 1 : 0;
        }
        return count;
    }

    @Override
    public int actionCount() {
        return pass + 1;
    }

    @Override
    public int legalMoves(int[] moves) {
        if (outcome.over()) {
            return 0;
        }
        int count = 0;
        for (int cell : searchOrder) {
            if (canPlace(cell, player)) {
                moves[count++] = cell;
            }
        }
        if (count == 0) {
            moves[count++] = pass;
        }
        return count;
    }

    @Override
    public boolean isLegal(int action) {
        if (outcome.over() || action < 0 || action > pass) {
            return false;
        }
        return action == pass ? !hasPlacement(player) : canPlace(action, player);
    }

    @Override
    public void play(int action) {
        requireLegal(action);
        flipStarts[plies] = flipCount;
        if (action != pass) {
            cells[action] = player + 1;
            for (int[] d : DIRECTIONS) {
                int outflanked = outflanked(action, d, player);
                for (int i = 1; i <= outflanked; i++) {
                    int cell = action + i * (d[0] * size + d[1]);
                    cells[cell] = player + 1;
                    flips[flipCount++] = cell;
                }
            }
        }
        pushMove(action);
        if (!hasPlacement(player) && !hasPlacement(1 - player)) {
            int difference = discs(0) - discs(1);
            outcome = difference > 0 ? Outcome.FIRST_WINS : difference < 0 ? Outcome.SECOND_WINS : Outcome.DRAW;
        }
    }

    @Override
    public void undo() {
        int action = popMove();
        if (action != pass) {
            cells[action] = 0;
            for (int i = flipStarts[plies]; i < flipCount; i++) {
                cells[flips[i]] = 2 - player;
            }
        }
        flipCount = flipStarts[plies];
    }

    private boolean hasPlacement(int who) {
        for (int cell = 0; cell < pass; cell++) {
            if (canPlace(cell, who)) {
                return true;
            }
        }
        return false;
    }

    private int placements(int who) {
        int count = 0;
        for (int cell = 0; cell < pass; cell++) {
            count += canPlace(cell, who) ? 1 : 0;
        }
        return count;
    }

    private boolean canPlace(int cell, int who) {
        if (cells[cell] != 0) {
            return false;
        }
        for (int[] d : DIRECTIONS) {
            if (outflanked(cell, d, who) > 0) {
                return true;
            }
        }
        return false;
    }

    /** How many opponent discs a disc of {@code who} on {@code cell} outflanks in direction {@code d}. */
    private int outflanked(int cell, int[] d, int who) {
        int row = cell / size + d[0];
        int col = cell % size + d[1];
        int count = 0;
        while (row >= 0 && row < size && col >= 0 && col < size) {
            int piece = cells[row * size + col];
            if (piece == 2 - who) {
                count++;
            } else {
                return piece == who + 1 ? count : 0;
            }
            row += d[0];
            col += d[1];
        }
        return 0;
    }

    @Override
    public Othello copy() {
        return new Othello(this);
    }

    /** Corners (weight 4), mobility (1 per placement) and discs (1/4 each), each as a difference. */
    @Override
    public double heuristic(int player) {
        int corners = 0;
        for (int corner : new int[] {0, size - 1, pass - size, pass - 1}) {
            corners += cells[corner] == player + 1 ? 1 : cells[corner] == 2 - player ? -1 : 0;
        }
        int mobility = placements(player) - placements(1 - player);
        int discs = discs(player) - discs(1 - player);
        return Math.tanh((4 * corners + mobility + discs / 4.0) / 10);
    }

    @Override
    public String formatMove(int action) {
        requireAction(action);
        return action == pass ? "pass" : cellName(action);
    }

    @Override
    public int parseMove(String text) {
        if (text.trim().equalsIgnoreCase("pass")) {
            return pass;
        }
        int cell = parseCell(text);
        if (cell < 0) {
            throw new IllegalArgumentException("'" + text + "' is no Othello move: type a cell " + cellRange()
                    + " or pass");
        }
        return cell;
    }

    @Override
    public String render() {
        return renderGrid() + "X (black) " + discs(0) + ", O (white) " + discs(1) + "; " + status() + '\n';
    }
}
