package io.rlarena.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plug-in (a jar or a folder of classes) as a run, an agent file or an episode file records it:
 * its absolute path and the SHA-256 of its content, so later commands find it again without
 * {@code --plugin} and notice when it changed.
 */
public record Plugin(String path, String sha256) {

    public Plugin {
        if (path == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a recorded plug-in needs a path and a 64-digit SHA-256, got " + path
                    + " and " + sha256);
        }
    }

    /**
     * The plug-in at {@code path}, checked to be a readable jar or folder.
     *
     * @throws IllegalArgumentException naming the path and what is wrong with it
     */
    public static Plugin of(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--plugin " + path + ": no such jar or folder");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("--plugin " + path + ": not readable (check its permissions)");
        }
        if (Files.isRegularFile(path)) {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(path.toFile())) {
                jar.size();
            } catch (IOException e) {
                throw new IllegalArgumentException("--plugin " + path + ": not a readable jar (" + e.getMessage()
                        + "); give a jar or a folder of classes");
            }
        }
        Path absolute = path.toAbsolutePath().normalize();
        return new Plugin(absolute.toString(), checksum(absolute));
    }

    /** Whether the plug-in's content is still what was recorded. */
    public boolean unchanged() {
        return Files.exists(Path.of(path)) && checksum(Path.of(path)).equals(sha256);
    }

    /** SHA-256 of a jar, or of a folder's files (relative names and contents, in name order). */
    static String checksum(Path path) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plug-in " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
