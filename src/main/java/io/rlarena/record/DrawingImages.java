package io.rlarena.record;

import io.rlarena.agent.SafeFiles;
import io.rlarena.env.Drawing;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link Drawing}s as pictures: one drawn into an image (scaled to fit, with a caption line
 * under it), and a sequence written as an animated GIF with the JDK's ImageIO (no other library).
 */
public final class DrawingImages {

    private static final int CAPTION = 22;

    private DrawingImages() {
    }

    /** Delay of each GIF frame: 8 frames per second. */
    public static final int GIF_DELAY_MILLIS = 125;

    /**
     * Writes the replayed {@code frames} as an animated GIF {@code width} pixels wide: each
     * frame's drawing (its text render, for environments without one), captioned with the episode,
     * the step and the return.
     */
    public static void writeReplayGif(Path file, List<Replay.Frame> frames, int width) {
        int count = Math.min(frames.size(), MAX_GIF_FRAMES);
        writeGif(file, count, i -> {
            Replay.Frame frame = frames.get(i);
            String caption = String.format(java.util.Locale.ROOT, "episode %d  step %d/%d  return %.2f%s", frame.episode(),
                    frame.t(), frame.steps(), frame.episodeReturn(), frame.terminated() ? "  (terminated)"
                            : frame.truncated() ? "  (truncated)" : "");
            return frame.drawing() != null ? render(frame.drawing(), width, caption) : text(frame.render(), width, caption);
        }, GIF_DELAY_MILLIS);
    }

    /** Frames a GIF holds at most (four minutes at 8 per second); a longer replay is cut there. */
    public static final int MAX_GIF_FRAMES = 2_000;

    /** A text render as an image (environments without a drawing). */
    static BufferedImage text(String render, int width, String caption) {
        String[] lines = render.split("\n");
        int height = 18 * lines.length + 12 + CAPTION;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x263238));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 15));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 8, 20 + 18 * i);
        }
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        g.drawString(caption, 6, height - 7);
        g.dispose();
        return image;
    }

    /** {@code drawing} scaled into a {@code width}-pixel-wide image, with {@code caption} below it. */
    public static BufferedImage render(Drawing drawing, int width, String caption) {
        double scale = width / drawing.width();
        int height = (int) Math.ceil(drawing.height() * scale) + CAPTION;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(color(drawing.background(), Color.WHITE));
        g.fill(new Rectangle2D.Double(0, 0, width, drawing.height() * scale));
        for (Drawing.Shape shape : drawing.shapes()) {
            draw(g, shape, scale);
        }
        g.setColor(new Color(0x37474f));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        g.drawString(caption, 6, height - 7);
        g.dispose();
        return image;
    }

    private static void draw(Graphics2D g, Drawing.Shape shape, double s) {
        if (shape instanceof Drawing.Rect r) {
            paint(g, new Rectangle2D.Double(r.x() * s, r.y() * s, r.w() * s, r.h() * s), r.fill(), r.stroke());
        } else if (shape instanceof Drawing.Circle c) {
            paint(g, new Ellipse2D.Double((c.cx() - c.r()) * s, (c.cy() - c.r()) * s, 2 * c.r() * s, 2 * c.r() * s),
                    c.fill(), c.stroke());
        } else if (shape instanceof Drawing.Line l) {
            g.setColor(color(l.stroke(), Color.BLACK));
            g.setStroke(new BasicStroke((float) Math.max(1, l.thickness() * s), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(l.x1() * s, l.y1() * s, l.x2() * s, l.y2() * s));
            g.setStroke(new BasicStroke(1));
        } else if (shape instanceof Drawing.Label t) {
            g.setColor(color(t.fill(), Color.BLACK));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, t.size() * s)));
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(t.text(), (float) (t.x() * s - metrics.stringWidth(t.text()) / 2.0),
                    (float) (t.y() * s + metrics.getAscent() / 2.5));
        }
    }

    private static void paint(Graphics2D g, java.awt.Shape shape, String fill, String stroke) {
        if (fill != null) {
            g.setColor(color(fill, Color.GRAY));
            g.fill(shape);
        }
        if (stroke != null) {
            g.setColor(color(stroke, Color.BLACK));
            g.draw(shape);
        }
    }

    private static Color color(String css, Color otherwise) {
        if (css == null || !css.matches("#[0-9a-fA-F]{6}")) {
            return otherwise;
        }
        return new Color(Integer.parseInt(css.substring(1), 16));
    }

    /**
     * Writes {@code images} as an animated GIF that loops, {@code delayMillis} per image
     * (atomically: a temporary file, then a rename).
     */
    public static void writeGif(Path file, List<BufferedImage> images, int delayMillis) {
        writeGif(file, images.size(), images::get, delayMillis);
    }

    /** Writes {@code count} images, each drawn by {@code image} when it is written (one in memory at a time). */
    static void writeGif(Path file, int count, java.util.function.IntFunction<BufferedImage> images, int delayMillis) {
        if (count == 0) {
            throw new IllegalArgumentException("no frames to write to " + file);
        }
        try {
            SafeFiles.writeAtomically(file, out -> {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < count; i++) {
                        BufferedImage image = images.apply(i);
                        IIOMetadata metadata = writer.getDefaultImageMetadata(
                                ImageTypeSpecifier.createFromRenderedImage(image), null);
                        animate(metadata, delayMillis);
                        writer.writeToSequence(new IIOImage(image, null, metadata), null);
                    }
                    writer.endWriteSequence();
                } finally {
                    writer.dispose();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Sets a frame's delay and, on the GIF's application extension, endless looping. */
    private static void animate(IIOMetadata metadata, int delayMillis) throws IOException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode extensions = child(root, "ApplicationExtensions");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0});
        extensions.appendChild(loop);
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
