package umimegu.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The fast encoding of kept face crops is still a lossless PNG. */
class PngTest {
    @Test
    void theFastEncodingGivesBackEveryPixel() throws Exception {
        BufferedImage picture = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(3);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                picture.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encodeFast(picture)));
        assertEquals(37, back.getWidth());
        assertArrayEquals(picture.getRGB(0, 0, 37, 23, null, 0, 37), back.getRGB(0, 0, 37, 23, null, 0, 37));
    }
}
