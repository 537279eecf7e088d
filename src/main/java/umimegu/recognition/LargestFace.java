package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import umimegu.vision.ImageDecodeException;

/** Cropping training pictures on the fly: the largest detected face with the margin, else the whole picture. */
public final class LargestFace {
    private LargestFace() {}

    /** Cut as answers cut faces ({@link PictureFaces}), so a model trains on the crops it will be asked about. */
    public static BufferedImage of(byte[] bytes, String name, PictureFaces faces, FaceDetection detection)
            throws ImageDecodeException {
        if (!detection.isAvailable()) {
            return faces.whole(bytes, name);
        }
        PictureFaces.Found found = faces.find(bytes, name, detection);
        return found.faces().stream()
                .max(Comparator.comparingLong((PictureFaces.Face f) -> f.box().area()))
                .map(PictureFaces.Face::crop)
                .orElse(found.picture());
    }
}
