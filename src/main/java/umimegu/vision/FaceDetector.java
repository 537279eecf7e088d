package umimegu.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds faces in a picture; boxes in picture pixels, in no particular order. */
public interface FaceDetector {
    List<FaceBox> detect(BufferedImage picture);

    /**
     * The longer side this detector shrinks pictures to before it looks (larger pictures are
     * detected no better), so a picture need not be decoded larger than that.
     */
    default int detectionSide() {
        return Integer.MAX_VALUE;
    }
}
