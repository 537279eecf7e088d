package umimegu.recognition;

import java.awt.image.BufferedImage;

import umimegu.vision.FaceBox;
import umimegu.vision.ImageDecodeException;

/** Cropping training pictures on the fly: the largest detected face with the margin, else the whole picture. */
public final class LargestFace {
    private LargestFace() {
    }

    /** Cut as answers cut faces ({@link PictureFaces}), so a model trains on the crops it will be asked about. */
    public static BufferedImage of(byte[] bytes, String name, PictureFaces faces, FaceDetection detection)
            throws ImageDecodeException {
        if (!detection.isAvailable()) {
            return faces.whole(bytes, name);
        }
        PictureFaces.Found found = faces.find(bytes, name, detection);
        int largest = -1;
        for (int i = 0; i < found.boxes().size(); i++) {
            if (largest < 0 || area(found.boxes().get(i)) > area(found.boxes().get(largest))) {
                largest = i;
            }
        }
        return largest < 0 ? found.picture() : found.crops().get(largest);
    }

    private static long area(FaceBox box) {
        return (long) box.width() * box.height();
    }
}
