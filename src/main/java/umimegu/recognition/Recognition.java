package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.List;
import umimegu.vision.FaceBox;

/**
 * What was found in one picture, and how long it took (decode to last prediction). {@code picture}
 * may be a reduced copy of the posted one (large JPEGs are decoded at the size detection needs);
 * face boxes are in its pixels, and {@code scale} original pixels make one of them.
 */
public record Recognition(
        String imageSha256,
        BufferedImage picture,
        Outcome outcome,
        List<FaceAnswer> faces,
        String modelId,
        long latencyMs,
        double scale) {

    public Recognition(
            String imageSha256,
            BufferedImage picture,
            Outcome outcome,
            List<FaceAnswer> faces,
            String modelId,
            long latencyMs) {
        this(imageSha256, picture, outcome, faces, modelId, latencyMs, 1.0);
    }

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

    /** A face's box in the posted picture's pixels (null when the whole picture was classified). */
    public FaceBox originalBox(FaceAnswer face) {
        return face.box() == null
                ? null
                : scale == 1.0 ? face.box() : face.box().scaled(scale);
    }

    public boolean severalFaces() {
        return faces.size() > 1;
    }
}
