package umimegu.teaching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import umimegu.common.ContentFiles;

/**
 * Pictures waiting for review, {@code <sha256>.png} each, kept apart from the face crops so that
 * pruning old crops never loses a correction nobody has looked at yet.
 */
public final class ReviewFolder {
    private final Path dir;

    public ReviewFolder(Path dir) {
        this.dir = dir;
    }

    /** Keeps the picture; returns its SHA-256, the name the review item refers to. */
    public String keep(byte[] png) {
        try {
            return ContentFiles.keep(dir, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a picture for review in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> read(String sha256) {
        return ContentFiles.read(dir, sha256);
    }

    /** Forgets a decided picture (other items naming the same picture keep it until they are decided too). */
    public void drop(String sha256, boolean stillNamed) {
        if (stillNamed || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(sha256 + ".png"));
        } catch (IOException e) {
            // a leftover picture only costs disk space; it is overwritten if the same picture comes again
        }
    }
}
