package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;

/**
 * An exact Connect Four solver (after Pascal Pons' solver, blog.gamesolver.org): bitboards,
 * negamax alpha-beta that never tries a move losing at once, a transposition table of upper and
 * lower bounds, null-window searches narrowing the score, and moves ordered by the threats they
 * create (centre first among equals).
 *
 * <p>Scores are the standard ones, from the side to move: 0 a draw; a win scores 22 minus the
 * number of stones the winner has played when the game ends (18 for a win with one's fourth
 * stone, 1 for a win with the last stone of the board), a loss the negative of the winner's
 * score. So a faster win scores higher and a slower loss scores higher.
 *
 * <p>A solver keeps its table between calls (about 40 MB, allocated on first use), so solving
 * positions of one game in turn gets faster; it is not thread-safe.
 */
public final class ConnectFourSolver implements GameSolver {

    private static final int WIDTH = ConnectFour.COLUMNS;
    private static final int HEIGHT = ConnectFour.ROWS;
    private static final int CELLS = WIDTH * HEIGHT;
    private static final int MIN_SCORE = -CELLS / 2 + 3;
    private static final int MAX_SCORE = (CELLS + 1) / 2 - 3;
    /** One bit per column, in its bottom cell; each column has a sentinel bit above its top cell. */
    private static final long BOTTOM = bottomMask();
    private static final long BOARD = BOTTOM * ((1L << HEIGHT) - 1);
    private static final int[] COLUMN_ORDER = {3, 2, 4, 1, 5, 0, 6};
    /** Bit distances between neighbours along a row, a falling and a rising diagonal. */
    private static final int[] LINE_SHIFTS = {HEIGHT + 1, HEIGHT, HEIGHT + 2};
    /** A prime above 2^23: the table's index is the key modulo it and its slot keeps the key's low 32 bits. */
    private static final int TABLE_SIZE = 8_388_617;

    private int[] tableKeys;
    private byte[] tableValues;
    private long nodes;
    /** Each search depth's candidate moves and their ranks. */
    private final long[][] moveBuffers = new long[CELLS][WIDTH];
    private final int[][] rankBuffers = new int[CELLS][WIDTH];

    private static long bottomMask() {
        long mask = 0;
        for (int col = 0; col < WIDTH; col++) {
            mask |= 1L << col * (HEIGHT + 1);
        }
        return mask;
    }

    /**
     * The score of {@code game}'s position for the player to move.
     *
     * @throws IllegalArgumentException if the game is over
     */
    public int score(ConnectFour game) {
        return solve(Position.of(game));
    }

    /**
     * Each column's score for the player to move (the score of the position after that move, from
     * the mover's side), {@link #NOT_LEGAL} for a full column; the best of them is {@link #score}.
     *
     * @throws IllegalArgumentException if the game is over or not Connect Four
     */
    @Override
    public int[] moveScores(TurnBasedGame game) {
        if (!(game instanceof ConnectFour connectFour)) {
            throw new IllegalArgumentException("the Connect Four solver cannot solve " + game.getClass().getSimpleName());
        }
        Position position = Position.of(connectFour);
        int[] scores = new int[WIDTH];
        Arrays.fill(scores, NOT_LEGAL);
        for (int col = 0; col < WIDTH; col++) {
            if (position.canPlay(col)) {
                long move = position.possible() & columnMask(col);
                if (position.isWinningMove(move)) {
                    scores[col] = (CELLS + 1 - position.moves) / 2;
                } else if (position.moves + 1 == CELLS) {
                    scores[col] = 0;
                } else {
                    scores[col] = -solve(position.after(move));
                }
            }
        }
        return scores;
    }

    @Override
    public int mostStones() {
        return CELLS / 2;
    }

    /** Forgets every stored bound, so the next position is solved as by a new solver. */
    public void clear() {
        if (tableKeys != null) {
            Arrays.fill(tableKeys, 0);
            Arrays.fill(tableValues, (byte) 0);
        }
    }

    /** Positions searched since this solver was made. */
    public long nodes() {
        return nodes;
    }

    /**
     * The exact score of a position that is not over: null-window searches halve the interval the
     * score can lie in, trying draws and narrow wins first (they decide most positions quickest).
     */
    private int solve(Position position) {
        if (position.canWinNext()) {
            return (CELLS + 1 - position.moves) / 2;
        }
        if (tableKeys == null) {
            tableKeys = new int[TABLE_SIZE];
            tableValues = new byte[TABLE_SIZE];
        }
        int min = -(CELLS - position.moves) / 2;
        int max = (CELLS + 1 - position.moves) / 2;
        while (min < max) {
            int middle = min + (max - min) / 2;
            if (middle <= 0 && min / 2 < middle) {
                middle = min / 2;
            } else if (middle >= 0 && max / 2 > middle) {
                middle = max / 2;
            }
            int result = negamax(position, middle, middle + 1);
            if (result <= middle) {
                max = result;
            } else {
                min = result;
            }
        }
        return min;
    }

    /**
     * Fail-hard negamax inside (alpha, beta) for a position whose player to move cannot win at
     * once: an exact score inside the window, a bound outside it, stored in the table.
     */
    private int negamax(Position position, int alpha, int beta) {
        nodes++;
        long possible = position.possibleNonLosingMoves();
        if (possible == 0) {
            return -(CELLS - position.moves) / 2;
        }
        if (position.moves >= CELLS - 2) {
            return 0;
        }
        int min = -(CELLS - 2 - position.moves) / 2;
        if (alpha < min) {
            alpha = min;
            if (alpha >= beta) {
                return alpha;
            }
        }
        int max = (CELLS - 1 - position.moves) / 2;
        if (beta > max) {
            beta = max;
            if (alpha >= beta) {
                return beta;
            }
        }
        long key = position.key();
        int stored = lookUp(key);
        if (stored > MAX_SCORE - MIN_SCORE + 1) {
            min = stored + 2 * MIN_SCORE - MAX_SCORE - 2;
            if (alpha < min) {
                alpha = min;
                if (alpha >= beta) {
                    return alpha;
                }
            }
        } else if (stored != 0) {
            max = stored + MIN_SCORE - 1;
            if (beta > max) {
                beta = max;
                if (alpha >= beta) {
                    return beta;
                }
            }
        }
        long[] moves = moveBuffers[position.moves];
        int[] ranks = rankBuffers[position.moves];
        int count = 0;
        for (int i = WIDTH - 1; i >= 0; i--) {
            long move = possible & columnMask(COLUMN_ORDER[i]);
            if (move != 0) {
                int rank = position.threatsAfter(move);
                int slot = count++;
                for (; slot > 0 && ranks[slot - 1] > rank; slot--) {
                    moves[slot] = moves[slot - 1];
                    ranks[slot] = ranks[slot - 1];
                }
                moves[slot] = move;
                ranks[slot] = rank;
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            int score = -negamax(position.after(moves[i]), -beta, -alpha);
            if (score >= beta) {
                store(key, score + MAX_SCORE - 2 * MIN_SCORE + 2);
                return score;
            }
            alpha = Math.max(alpha, score);
        }
        store(key, alpha - MIN_SCORE + 1);
        return alpha;
    }

    /** The stored bound of a position (0 if none): upper bounds 1..37, lower bounds above. */
    private int lookUp(long key) {
        int slot = (int) (key % TABLE_SIZE);
        return tableKeys[slot] == (int) key ? tableValues[slot] : 0;
    }

    private void store(long key, int value) {
        int slot = (int) (key % TABLE_SIZE);
        tableKeys[slot] = (int) key;
        tableValues[slot] = (byte) value;
    }

    private static long columnMask(int col) {
        return ((1L << HEIGHT) - 1) << col * (HEIGHT + 1);
    }

    /**
     * A position as two bitboards: {@code current} the stones of the player to move, {@code mask}
     * all stones; bit {@code col * 7 + row} with row 0 at the bottom.
     */
    private record Position(long current, long mask, int moves) {

        static Position of(ConnectFour game) {
            if (game.isOver()) {
                throw new IllegalArgumentException("the game is over (" + game.status() + "): there is nothing to solve");
            }
            long current = 0;
            long mask = 0;
            for (int col = 0; col < WIDTH; col++) {
                for (int row = 0; row < HEIGHT; row++) {
                    int piece = game.pieceAt(HEIGHT - 1 - row, col);
                    if (piece >= 0) {
                        long bit = 1L << col * (HEIGHT + 1) + row;
                        mask |= bit;
                        if (piece == game.currentPlayer()) {
                            current |= bit;
                        }
                    }
                }
            }
            return new Position(current, mask, game.plies());
        }

        /** Unique per position: the mover's stones plus one bit above each column's top stone. */
        long key() {
            return current + mask;
        }

        boolean canPlay(int col) {
            return (mask & topCell(col)) == 0;
        }

        long possible() {
            return (mask + BOTTOM) & BOARD;
        }

        Position after(long move) {
            return new Position(current ^ mask, mask | move, moves + 1);
        }

        boolean isWinningMove(long move) {
            return (winningCells(current, mask) & move) != 0;
        }

        boolean canWinNext() {
            return (winningCells(current, mask) & possible()) != 0;
        }

        /**
         * The moves that do not lose at once: none if the opponent has two immediate wins, the block
         * if it has one, and never the cell just below an opponent's winning cell.
         */
        long possibleNonLosingMoves() {
            long possible = possible();
            long opponentWins = winningCells(current ^ mask, mask);
            long forced = possible & opponentWins;
            if (forced != 0) {
                if ((forced & (forced - 1)) != 0) {
                    return 0;
                }
                possible = forced;
            }
            return possible & ~(opponentWins >>> 1);
        }

        /** How many winning cells the mover has after {@code move}: the move-ordering heuristic. */
        int threatsAfter(long move) {
            return Long.bitCount(winningCells(current | move, mask));
        }

        private static long topCell(int col) {
            return 1L << HEIGHT - 1 + col * (HEIGHT + 1);
        }

        /** The empty cells where a stone would complete four of {@code stones}. */
        static long winningCells(long stones, long mask) {
            long r = (stones << 1) & (stones << 2) & (stones << 3);
            for (int shift : LINE_SHIFTS) {
                long p = (stones << shift) & (stones << 2 * shift);
                r |= p & (stones << 3 * shift);
                r |= p & (stones >>> shift);
                p = (stones >>> shift) & (stones >>> 2 * shift);
                r |= p & (stones << shift);
                r |= p & (stones >>> 3 * shift);
            }
            return r & (BOARD ^ mask);
        }
    }
}
