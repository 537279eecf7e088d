package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept face crops: small enough to be cheap to keep, large enough for any model, the same bytes for the same face. */
class CropFolderTest {
    @TempDir
    Path dir;

    private static BufferedImage face(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new Color(200, 120, 80));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    @Test
    void aLargeCropIsKeptReducedToTheLongestSideAndASmallOneAsItIs() throws Exception {
        CropFolder crops = new CropFolder(dir, 10_000_000);
        BufferedImage large = ImageIO.read(
                new ByteArrayInputStream(crops.read(crops.keep(face(600, 400))).orElseThrow()));
        assertEquals(CropFolder.MAX_SIDE, large.getWidth());
        assertEquals(171, large.getHeight());

        BufferedImage small = ImageIO.read(
                new ByteArrayInputStream(crops.read(crops.keep(face(120, 90))).orElseThrow()));
        assertEquals(120, small.getWidth());
        assertEquals(90, small.getHeight());
    }

    @Test
    void theSameFaceAlwaysGivesTheSameBytes() {
        assertArrayEquals(CropFolder.png(face(600, 400)), CropFolder.png(face(600, 400)));
    }
}
