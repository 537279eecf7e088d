package umimegu.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Files named by the SHA-256 of their content, {@code <sha256>.png} in one folder: written once,
 * through a hidden temporary file and an atomic rename (so a failed write leaves no half file),
 * and read back only by a well-formed name (so no name from a request reaches elsewhere).
 */
public final class ContentFiles {
    private ContentFiles() {}

    /** Writes {@code png} as {@code dir/<sha256>.png} unless it is there already; returns the SHA-256. */
    public static String keep(Path dir, byte[] png) throws IOException {
        String sha = Sha256.hex(png);
        Path target = dir.resolve(sha + ".png");
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
    }

    /** The bytes of {@code dir/<sha256>.png}; empty for a malformed name or a missing file. */
    public static Optional<byte[]> read(Path dir, String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(sha256 + ".png")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
