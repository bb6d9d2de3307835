package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.random.RandomGenerator;

/** Plays a uniformly random legal move (spec {@code random}). */
public record RandomOpponent() implements Opponent {

    @Override
    public int move(TurnBasedGame game, RandomGenerator random) {
        int[] moves = Opponent.legalMoves(game);
        return moves[random.nextInt(moves.length)];
    }

    @Override
    public String spec() {
        return "random";
    }
}
