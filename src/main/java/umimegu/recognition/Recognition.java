package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.List;

/** What was found in one picture, and how long it took (decode to last prediction). */
public record Recognition(String imageSha256, BufferedImage picture, Outcome outcome, List<FaceAnswer> faces,
                          String modelId, long latencyMs) {

    public enum Outcome {
        /** Faces were detected and each classified. */
        FACES,
        /** The detector found none; the whole picture was classified. */
        NO_FACE,
        /** No detector could be had; the whole picture was classified (fallback whole-image). */
        DETECTION_UNAVAILABLE,
        /** No detector could be had and the fallback is skip: nothing was classified. */
        SKIPPED
    }

    public Recognition {
        faces = List.copyOf(faces);
    }

    public boolean severalFaces() {
        return faces.size() > 1;
    }
}
