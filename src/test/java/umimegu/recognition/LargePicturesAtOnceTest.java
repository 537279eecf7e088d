package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;

/**
 * Several large pictures at once in a process with a small heap: each is answered in its turn or
 * refused as busy, none runs the heap out and none is reported as a bad file (before the shared
 * decoding budget, four 36-megapixel 16-bit PNGs at once ran a 768 MB heap out).
 */
class LargePicturesAtOnceTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void largePicturesAtOnceAreTakenInTurnNeverAsBadFiles() throws Exception {
        Path png = dir.resolve("zbomb.png");
        Files.write(png, flatPng16(6000, 6000));
        assertTrue(Files.size(png) < 2_000_000, "a small file for its pixels: " + Files.size(png));
        Process child = TestFixtures.childJvm("768m", LargePicturesChild.class, png.toString(), "4")
                .redirectErrorStream(true)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(170, TimeUnit.SECONDS));
        List<String> results = out.lines()
                .filter(l -> l.startsWith("answered")
                        || l.startsWith("busy")
                        || l.startsWith("bad")
                        || l.startsWith("failed"))
                .toList();
        assertEquals(4, results.size(), out);
        assertTrue(results.stream().allMatch(r -> r.equals("answered") || r.startsWith("busy: ")), out);
        assertEquals(List.of("answered", "answered", "answered", "answered"), results, "each in its turn: " + out);
    }

    /** A 16-bit RGBA PNG of one colour: a few hundred kilobytes that decode to {@code 8·w·h} bytes. */
    static byte[] flatPng16(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {16, 6, 0, 0, 0}); // 16 bits, RGBA, deflate, no filter method, not interlaced
        chunk(png, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 8];
        for (int i = 1; i < row.length; i++) {
            row[i] = (byte) (i % 8 < 6 ? 0x40 : 0xff);
        }
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
