package umimegu.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import umimegu.TestFixtures;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    /** Files in odd/ that must be refused, and a word the reason must contain. */
    private static final Map<String, String> REFUSED = Map.of(
            "animated.webp", "animated WebP",
            "truncated_progressive.jpg", "truncated",
            "truncated_tiny.jpg", "truncated",
            "anime_truncated.jpg", "truncated",
            "empty.jpg", "empty",
            "not_an_image.png", "not an image");

    @Test
    void everyOddFileIsDecodedOrRefusedWithAReasonNamingIt() throws Exception {
        Path odd = TestFixtures.sharedData("odd");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(odd)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 25, "odd/ holds " + files.size() + " files");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                BufferedImage image = decoder.decode(file);
                if (REFUSED.containsKey(name)) {
                    problems.add(name + " decoded but should be refused");
                } else if (image.getType() != BufferedImage.TYPE_3BYTE_BGR || image.getWidth() < 10) {
                    problems.add(name + " decoded as type " + image.getType() + " " + image.getWidth());
                }
            } catch (ImageDecodeException e) {
                String reason = REFUSED.get(name);
                if (reason == null) {
                    problems.add(name + " refused: " + e.getMessage());
                } else if (!e.getMessage().contains(file.toString())
                        || !e.getMessage().contains(reason)) {
                    problems.add(name + " refused with an unclear message: " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        Path odd = TestFixtures.sharedData("odd");
        BufferedImage portrait = decoder.decode(odd.resolve("exif_orientation_6_portrait.jpg"));
        assertEquals(1200, portrait.getWidth());
        assertEquals(1800, portrait.getHeight());
        BufferedImage upright =
                decoder.decode(TestFixtures.sharedData("photos/face").resolve("hopper.jpg"));
        for (String n : List.of("3", "6", "8")) {
            BufferedImage turned = decoder.decode(odd.resolve("exif_orientation_" + n + "_face.jpg"));
            double diff = meanDifference(upright, turned);
            assertTrue(diff < 12, "orientation " + n + ": mean difference " + diff + " from the upright face");
        }
    }

    /** One face in eleven forms: every readable form gives nearly the same pixels as the plain JPEG. */
    @Test
    void theSameFaceInEveryFormGivesNearlyTheSamePixels() throws Exception {
        Path generated = TestFixtures.sharedData("odd/generated");
        BufferedImage reference = decoder.decode(generated.resolve("anime_baseline.jpg"));
        for (String name : List.of(
                "anime_progressive.jpg",
                "anime_cmyk.jpg",
                "anime_16bit.png",
                "anime_animated.gif",
                "anime_lossy.webp",
                "anime_lossless.webp",
                "anime_exif_orientation_6.jpg",
                "anime_alpha_padded.png",
                "anime_gray.png")) {
            BufferedImage image = decoder.decode(generated.resolve(name));
            if (name.equals("anime_alpha_padded.png")) {
                int x = (image.getWidth() - reference.getWidth()) / 2;
                int y = (image.getHeight() - reference.getHeight()) / 2;
                assertEquals(Color.WHITE.getRGB(), image.getRGB(0, 0), "transparent corner on the background");
                image = copy(image.getSubimage(x, y, reference.getWidth(), reference.getHeight()));
            }
            boolean gray = name.equals("anime_gray.png");
            double diff = gray ? meanDifference(grey(reference), grey(image)) : meanDifference(reference, image);
            assertTrue(diff < 10, name + ": mean difference " + diff);
        }
    }

    @Test
    void aHugeDeclaredSizeIsRefusedFromTheHeaderAlone() throws Exception {
        byte[] png = pngDeclaring(50_000, 50_000);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(png, "bomb.png"));
        assertTrue(e.getMessage().contains("bomb.png: image too large (50000x50000"), e.getMessage());

        ImageDecoder small = new ImageDecoder(new DecodeLimits(100, 1000, Color.WHITE));
        byte[] ok = pngOf(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        assertTrue(ok.length > 50);
        assertThrows(
                ImageDecodeException.class,
                () -> new ImageDecoder(new DecodeLimits(50, 1000, Color.WHITE)).decode(ok, "big.png"),
                "over the byte limit");
        assertEquals(10, small.decode(ok, "ok.png").getWidth());
    }

    /** A valid PNG header (with correct CRC) claiming a huge picture, followed by almost nothing. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes())
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IDAT".getBytes())
                .putInt(0);
        return png.array();
    }

    private static byte[] pngOf(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getGraphics().drawImage(image, 0, 0, null);
        return c;
    }

    private static BufferedImage grey(BufferedImage image) {
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(image, 0, 0, null);
        return copy(g);
    }

    /** Mean absolute difference per channel (0..255); sizes must match. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
