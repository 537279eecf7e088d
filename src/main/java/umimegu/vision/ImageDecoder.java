package umimegu.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** The one way pictures are read, for training, testing and classification alike. */
public final class ImageDecoder {

    public BufferedImage decode(Path file) throws ImageDecodeException {
        return decode(read(file), file.toString());
    }

    public static byte[] read(Path file) throws ImageDecodeException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file + ": cannot read file (" + e.getMessage() + ")", e);
        }
    }

    public BufferedImage decode(byte[] bytes, String name) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(name + ": empty file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(name + ": corrupt or unsupported image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new ImageDecodeException(name + ": not an image in a supported format (JPEG, PNG, BMP, GIF)");
        }
        return image;
    }
}
