package io.rlarena.env;

/**
 * An environment that can show its state as a {@link Drawing} (beside its text {@code render()}):
 * the replay page and GIFs draw it; environments without it are shown by their text.
 */
public interface Drawable {

    /** The current state as a picture. */
    Drawing draw();
}
