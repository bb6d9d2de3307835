package io.rlarena.env;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture of an environment's state as a few shapes in world coordinates (x to the right, y
 * down, from 0 to {@code width} and {@code height}), colours as CSS hex strings: what the replay
 * page and GIFs draw, scaled to their canvas. Plain data, no AWT: an environment says what it
 * looks like, the recorders draw it. {@code legend} explains the colours.
 */
public record Drawing(double width, double height, String background, List<Shape> shapes, List<Key> legend) {

    public Drawing {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a drawing needs a positive width and height, got " + width + " x " + height);
        }
        shapes = List.copyOf(shapes);
        legend = List.copyOf(legend);
    }

    /** One shape; every colour may be null for none. */
    public sealed interface Shape permits Rect, Circle, Line, Label {
    }

    public record Rect(double x, double y, double w, double h, String fill, String stroke) implements Shape {
    }

    public record Circle(double cx, double cy, double r, String fill, String stroke) implements Shape {
    }

    /** A line {@code thickness} world units wide. */
    public record Line(double x1, double y1, double x2, double y2, String stroke, double thickness) implements Shape {
    }

    /** Text centred on (x, y), {@code size} world units high. */
    public record Label(double x, double y, String text, String fill, double size) implements Shape {
    }

    /** A legend entry: a colour and what it stands for. */
    public record Key(String color, String meaning) {
    }

    /** Builds a drawing shape by shape. */
    public static final class Builder {
        private final double width;
        private final double height;
        private final String background;
        private final List<Shape> shapes = new ArrayList<>();
        private final List<Key> legend = new ArrayList<>();

        public Builder(double width, double height, String background) {
            this.width = width;
            this.height = height;
            this.background = background;
        }

        public Builder add(Shape shape) {
            shapes.add(shape);
            return this;
        }

        public Builder key(String color, String meaning) {
            legend.add(new Key(color, meaning));
            return this;
        }

        public Drawing build() {
            return new Drawing(width, height, background, shapes, legend);
        }
    }
}
