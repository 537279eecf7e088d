package umimegu.teaching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import umimegu.common.Sha256;

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
        String sha = Sha256.hex(png);
        Path target = dir.resolve(sha + ".png");
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + sha, ".part");
                try {
                    Files.write(tmp, png);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a picture for review in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> read(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(sha256 + ".png")));
        } catch (IOException e) {
            return Optional.empty();
        }
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
