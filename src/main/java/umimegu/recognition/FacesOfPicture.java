package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.List;
import umimegu.vision.ImageDecodeException;

/** Picture bytes → its face crops, largest first, cut as for answers: the port {@code AddPictures} uses. */
public interface FacesOfPicture {
    /** Throws {@link ImageDecodeException} naming {@code name} when the bytes are no picture it can read. */
    List<BufferedImage> crops(byte[] bytes, String name) throws ImageDecodeException;
}
