package io.rlarena.envs.board;

import io.rlarena.env.TurnBasedGame;

import java.util.SplittableRandom;

/** Helpers shared by the board-game tests: scripted moves and random positions. */
final class Scripts {

    private Scripts() {
    }

    /** Plays the moves, given in the game's notation and separated by blanks. */
    static <G extends TurnBasedGame> G play(G game, String moves) {
        for (String move : moves.trim().split("\\s+")) {
            game.play(game.parseMove(move));
        }
        return game;
    }

    /** Plays up to {@code plies} random legal moves, stopping early where the game ends. */
    static <G extends TurnBasedGame> G randomPlies(G game, int plies, SplittableRandom random) {
        RandomOpponent opponent = new RandomOpponent();
        for (int i = 0; i < plies && !game.isOver(); i++) {
            game.play(opponent.move(game, random));
        }
        return game;
    }

    /** An opponent that plays the given actions in turn. */
    static Opponent scripted(int... actions) {
        return new Opponent() {
            private int next;

            @Override
            public int move(TurnBasedGame game, java.util.random.RandomGenerator random) {
                return actions[next++];
            }

            @Override
            public String spec() {
                return "scripted";
            }
        };
    }
}
