package umimegu.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** libjpeg prints its warnings on the process's stderr; the user must learn which picture they were about. */
class DamagedJpegWarningTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger decoderLog = (Logger) LoggerFactory.getLogger(ImageDecoder.class);

    @BeforeEach
    void listen() {
        logs.start();
        decoderLog.addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        decoderLog.detachAppender(logs);
    }

    @Test
    void libjpegsWarningNamesThePictureItWasAbout() throws Exception {
        assertTrue(NativeStderrCapture.available(), "native stderr capture works on Linux");
        byte[] damaged = withBytesBeforeEndMarker(jpeg(), 40);

        BufferedImage image = new ImageDecoder().decode(damaged, "uploads/holiday.jpg");

        assertEquals(200, image.getWidth(), "the readable picture is still decoded");
        List<String> warnings = logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        assertTrue(warnings.get(0).startsWith("uploads/holiday.jpg: damaged JPEG data"), warnings.get(0));
        // libjpeg's own words (its bit reader may already hold a byte of the garbage)
        assertTrue(
                warnings.get(0).matches(".*\\(Corrupt JPEG data: (39|40) extraneous bytes before marker 0xd9\\)"),
                warnings.get(0));
    }

    @Test
    void anIntactJpegWarnsNothingAndOtherOutputIsLeftAlone() throws Exception {
        new ImageDecoder().decode(jpeg(), "fine.jpg");
        assertEquals(
                List.of(),
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        NativeStderrCapture.Captured<String> other = NativeStderrCapture.run(() -> {
            System.err.println("a line of someone else's");
            return "done";
        });
        assertEquals("done", other.value());
        assertEquals(List.of(), other.lines(), "only the decoders' messages are kept; others pass through");
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage picture = new BufferedImage(200, 150, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = picture.createGraphics();
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(200), random.nextInt(150), 30, 30);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture, "jpg", out));
        return out.toByteArray();
    }

    /** Garbage (never 0xFF) between the end of the scan and the end-of-image marker. */
    private static byte[] withBytesBeforeEndMarker(byte[] jpeg, int count) {
        int end = jpeg.length - 2;
        assertEquals(0xD9, jpeg[end + 1] & 0xFF);
        byte[] damaged = new byte[jpeg.length + count];
        System.arraycopy(jpeg, 0, damaged, 0, end);
        for (int i = 0; i < count; i++) {
            damaged[end + i] = (byte) (0x20 + i % 64);
        }
        damaged[damaged.length - 2] = (byte) 0xFF;
        damaged[damaged.length - 1] = (byte) 0xD9;
        return damaged;
    }
}
