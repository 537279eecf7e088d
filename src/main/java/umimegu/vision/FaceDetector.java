package umimegu.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds faces in a picture; boxes in picture pixels, in no particular order. */
public interface FaceDetector {
    List<FaceBox> detect(BufferedImage picture);
}
