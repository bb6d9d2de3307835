package io.rlarena.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rlarena.agent.Json;
import io.rlarena.agent.SafeFiles;
import io.rlarena.env.Drawing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes recorded episodes as one self-contained HTML page (no network access): a canvas that
 * draws each frame's {@link Drawing} scaled to fit (the text render, cell by cell, for
 * environments without one), a legend, play/pause, a step slider, an episode menu, keyboard
 * controls (space: play/pause, arrows: a step back or on) and each step's reward and return.
 * Opening the page with {@code #frame=K} shows frame K first.
 */
public final class HtmlReplay {

    private static final String TEMPLATE = "/record/replay.html";

    private HtmlReplay() {
    }

    /** Writes the page for {@code frames} of {@code recording} to {@code out} (temporary file, then rename). */
    public static void write(Path out, EpisodeFile.Recording recording, List<Replay.Frame> frames) {
        JsonObject data = new JsonObject();
        EpisodeFile.Header header = recording.header();
        data.addProperty("env", header.env());
        data.addProperty("title", header.env() + " " + header.envOptions() + ", agent " + header.agent());
        JsonArray list = new JsonArray();
        for (Replay.Frame frame : frames) {
            JsonObject f = new JsonObject();
            f.addProperty("episode", frame.episode());
            f.addProperty("t", frame.t());
            f.addProperty("steps", frame.steps());
            f.addProperty("render", frame.render());
            f.addProperty("action", frame.action());
            f.addProperty("reward", frame.reward());
            f.addProperty("return", frame.episodeReturn());
            f.addProperty("end", frame.terminated() ? "terminated" : frame.truncated() ? "truncated" : "");
            if (frame.drawing() != null) {
                f.add("drawing", json(frame.drawing()));
            }
            list.add(f);
        }
        data.add("frames", list);
        String json = Json.LINES.toJson(data).replace("</", "<\\/");
        String page = template().replace("/*DATA*/null", json);
        try {
            SafeFiles.writeAtomically(out, page.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the page " + out + ": " + e.getMessage());
        }
    }

    /** A drawing as the page's script reads it: shapes tagged by {@code type}. */
    static JsonObject json(Drawing drawing) {
        JsonObject object = new JsonObject();
        object.addProperty("width", drawing.width());
        object.addProperty("height", drawing.height());
        object.addProperty("background", drawing.background());
        JsonArray shapes = new JsonArray();
        for (Drawing.Shape shape : drawing.shapes()) {
            JsonObject s = Json.LINES.toJsonTree(shape).getAsJsonObject();
            s.addProperty("type", shape.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            shapes.add(s);
        }
        object.add("shapes", shapes);
        object.add("legend", Json.LINES.toJsonTree(drawing.legend()));
        return object;
    }

    private static String template() {
        try (InputStream in = HtmlReplay.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the replay page template " + TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
