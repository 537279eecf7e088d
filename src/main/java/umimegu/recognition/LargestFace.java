package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.Comparator;

import umimegu.vision.FaceBox;

/** Cropping training pictures on the fly: the largest detected face with the margin, else the whole picture. */
public final class LargestFace {
    private LargestFace() {
    }

    public static BufferedImage of(BufferedImage picture, FaceDetection detection) {
        if (!detection.isAvailable()) {
            return picture;
        }
        return detection.detector().detect(picture).stream()
                .max(Comparator.comparingLong(b -> (long) b.width() * b.height()))
                .map(b -> FaceCrops.crop(picture, FaceCrops.withMargin(b, detection.margin(), picture.getWidth(),
                        picture.getHeight())))
                .orElse(picture);
    }
}
