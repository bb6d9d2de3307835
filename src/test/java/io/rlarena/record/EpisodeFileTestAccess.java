package io.rlarena.record;

import java.nio.file.Path;
import java.util.Map;

/** Lets tests of other packages record random-play episodes the way {@link EpisodeFileTest} does. */
public final class EpisodeFileTestAccess {

    private EpisodeFileTestAccess() {
    }

    public static Path record(Path file, String env) {
        return EpisodeFileTest.record(file, env, Map.of(), 1);
    }
}
