package umimegu.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Reads a labelled file as the picture the network learns from (decoded, and cropped to the face when configured). */
@FunctionalInterface
public interface PictureReader {
    BufferedImage picture(Path file) throws ImageDecodeException;
}
