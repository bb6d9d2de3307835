package io.rlarena.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files replaced whole: written to a temporary sibling, forced to the disk, renamed over the
 * target and the directory forced too, so a crash or a power cut leaves either the old file or
 * the complete new one, never a half-written or zero-length file under the final name.
 */
public final class SafeFiles {

    /** The suffix of the temporary siblings; a folder's leftovers are removed by {@link #removeLeftovers}. */
    public static final String TEMP_SUFFIX = ".tmp";

    private SafeFiles() {
    }

    /** Writes what {@code content} writes to {@code file}, atomically; on failure {@code file} is unchanged. */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is forced and closed below, whatever the content closes
                    }
                });
                out.flush();
                channel.force(true);
            }
            rename(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a complete {@code temp} file (written by the caller) onto {@code file}: forced, renamed, directory forced. */
    public static void moveIntoPlace(Path temp, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        rename(temp, file);
    }

    private static void rename(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** {@link #writeAtomically(Path, Content)} for bytes in memory. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        writeAtomically(file, out -> out.write(bytes));
    }

    /** Deletes the temporary files a killed process left in {@code folder}. */
    public static void removeLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(TEMP_SUFFIX) && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems (and Windows) cannot open a directory; the rename itself is still atomic
        }
    }

    /** What goes into a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
