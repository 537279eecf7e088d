package umimegu.vision;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Face detection and cropping, from config. {@code cascade} is {@code anime} (nagadomi's cascade,
 * downloaded and checked on first use), the name of a cascade shipped inside OpenCV (e.g.
 * {@code haarcascade_frontalface_default}), or a path to a cascade file. {@code margin} widens the
 * detected box by that fraction of its size on every side; {@code detectMaxSide} is the longest
 * side detection works on (larger pictures are scaled down for it).
 */
public record FaceSettings(
        String cascade,
        URI cascadeUrl,
        String cascadeSha256,
        Path cacheDir,
        Duration downloadTimeout,
        Fallback fallback,
        double scaleFactor,
        int minNeighbors,
        int minSize,
        double margin,
        int detectMaxSide) {

    /** What to do when no cascade can be had: classify the whole picture, or do not classify. */
    public enum Fallback {
        WHOLE_IMAGE,
        SKIP
    }

    public static final String ANIME = "anime";

    public FaceSettings {
        if (scaleFactor <= 1.0) {
            throw new IllegalArgumentException("faces.scale-factor must be above 1, got " + scaleFactor);
        }
        if (minNeighbors < 0 || minSize < 1 || detectMaxSide < 64) {
            throw new IllegalArgumentException(
                    "faces.min-neighbors >= 0, faces.min-size >= 1 and faces.detect-max-side >= 64");
        }
        if (margin < 0 || margin > 2) {
            throw new IllegalArgumentException("faces.margin must be between 0 and 2, got " + margin);
        }
        if (!cascadeSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("faces.cascade-sha256 must be 64 lowercase hex digits");
        }
    }
}
