package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random play that sees one move ahead (spec {@code tactical}): it takes a move that wins at once
 * when it has one, otherwise a move after which the other player cannot win at once (so it blocks
 * a threat it can block), otherwise any legal move; ties are drawn uniformly. It reaches the varied
 * positions random play reaches but punishes every missed win or block there, which makes it a
 * training opponent that teaches the one-move tactics random play rarely tests.
 */
public record Tactical() implements Opponent {

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        int[] moves = Opponent.legalMoves(game);
        TurnBasedGame board = game.copy();
        int me = board.currentPlayer();
        int[] wins = new int[moves.length];
        int[] safe = new int[moves.length];
        int winCount = 0;
        int safeCount = 0;
        int[] replies = new int[board.actionCount()];
        for (int move : moves) {
            board.play(move);
            if (board.outcome().winner() == me) {
                wins[winCount++] = move;
            } else if (!otherCanWinAtOnce(board, me, replies)) {
                safe[safeCount++] = move;
            }
            board.undo();
        }
        int[] choices = winCount > 0 ? Arrays.copyOf(wins, winCount)
                : safeCount > 0 ? Arrays.copyOf(safe, safeCount) : moves;
        return choices[random.nextInt(choices.length)];
    }

    /** Whether the player to move in {@code board}, when that is not {@code me}, has a move that wins at once. */
    private static boolean otherCanWinAtOnce(TurnBasedGame board, int me, int[] replies) {
        if (board.outcome().over() || board.currentPlayer() == me) {
            return false;
        }
        int count = board.legalMoves(replies);
        for (int i = 0; i < count; i++) {
            board.play(replies[i]);
            boolean lost = board.outcome().winner() == 1 - me;
            board.undo();
            if (lost) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String spec() {
        return "tactical";
    }
}
