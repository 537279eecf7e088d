package umimegu.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
    @Test
    void theFastEncodingIsLosslessAndReadByAnyDecoder() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage picture = picture(type, 123, 77);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(Png.encodeFast(picture)));
            assertEquals(123, read.getWidth());
            assertEquals(77, read.getHeight());
            for (int y = 0; y < 77; y++) {
                for (int x = 0; x < 123; x++) {
                    assertEquals(picture.getRGB(x, y), read.getRGB(x, y), "type " + type + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theSamePixelsGiveTheSameBytesSoContentNamesMatch() {
        BufferedImage a = picture(BufferedImage.TYPE_3BYTE_BGR, 200, 150);
        BufferedImage b = new BufferedImage(200, 150, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = b.createGraphics();
        g.drawImage(a, 0, 0, null); // a copy made another way
        g.dispose();
        assertArrayEquals(Png.encodeFast(a), Png.encodeFast(b));
        BufferedImage changed = picture(BufferedImage.TYPE_3BYTE_BGR, 200, 150);
        changed.setRGB(5, 5, 0x123456);
        assertTrue(!java.util.Arrays.equals(Png.encodeFast(a), Png.encodeFast(changed)), "one pixel changes the bytes");
    }

    @Test
    void smoothPicturesStillCompress() {
        BufferedImage smooth = new BufferedImage(300, 300, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = smooth.createGraphics();
        for (int x = 0; x < 300; x++) {
            g.setColor(new Color(x * 255 / 300, 100, 255 - x * 255 / 300));
            g.drawLine(x, 0, x, 299);
        }
        g.dispose();
        assertTrue(Png.encodeFast(smooth).length < 300 * 300 * 3 / 10, "a gradient compresses to under a tenth");
    }

    private static BufferedImage picture(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 25, 18);
        }
        g.dispose();
        return image;
    }
}
