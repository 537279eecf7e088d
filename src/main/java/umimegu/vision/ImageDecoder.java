package umimegu.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way pictures are read, for training, testing, classification and cropping alike. Every
 * picture comes out as 8-bit BGR ({@code TYPE_3BYTE_BGR}), upright, with transparency laid on the
 * configured background.
 *
 * <p>JPEG and WebP go through OpenCV, which applies EXIF orientation and converts CMYK; PNG, GIF
 * (first frame) and BMP go through ImageIO, which handles palettes, 16-bit samples and alpha.
 * Size limits are checked from the file size and the header before any pixel is allocated.
 */
public final class ImageDecoder implements PictureReader {
    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);
    private final DecodeLimits limits;

    public ImageDecoder() {
        this(DecodeLimits.defaults());
    }

    public ImageDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    public BufferedImage decode(Path file) throws ImageDecodeException {
        return decode(read(file), file.toString());
    }

    @Override
    public BufferedImage picture(Path file) throws ImageDecodeException {
        return decode(file);
    }

    /**
     * Reads a file's bytes: regular files only (a link to {@code /dev/zero} or a FIFO would never
     * end), and never more than the size limit, counted while reading rather than trusted from
     * the file system.
     */
    public byte[] read(Path file) throws ImageDecodeException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImageDecodeException(file
                        + (Files.exists(file)
                                ? ": not a regular file (a device, pipe or folder); only picture files are read"
                                : ": no such file"));
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new ImageDecodeException(
                        file + ": file too large (" + mib(size) + ", limit " + mib(limits.maxBytes()) + ")");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
                if (bytes.length > limits.maxBytes()) {
                    throw new ImageDecodeException(
                            file + ": file too large (more than " + mib(limits.maxBytes()) + ")");
                }
                return bytes;
            }
        } catch (IOException e) {
            if (e instanceof ImageDecodeException decode) {
                throw decode;
            }
            throw new ImageDecodeException(file + ": cannot read file (" + e.getMessage() + ")", e);
        }
    }

    public BufferedImage decode(byte[] bytes, String name) throws ImageDecodeException {
        return decode(bytes, name, checked(bytes, name), 1);
    }

    /** Heap a picture's decoding may take at once, from its header: what it asks of a {@link DecodeBudget}. */
    public long memoryNeeded(byte[] bytes) {
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (ImageDecodeException | RuntimeException e) {
            return 0; // not a picture: refused before anything large is allocated
        }
        if (header == null || header.width() <= 0 || header.height() <= 0) {
            return 0;
        }
        long pixels = Math.min(header.pixels(), limits.maxPixels());
        return switch (header.format()) {
            // OpenCV's matrix and the BGR copy; ImageIO's raster (up to 8 bytes a pixel, 16-bit RGBA) and the copy
            case JPEG, WEBP -> pixels * 6;
            case PNG, GIF, BMP -> pixels * 12;
        };
    }

    /**
     * A picture decoded no larger than needed: a JPEG whose longer side is at least twice
     * {@code minLongerSide} is decoded at 1/2, 1/4 or 1/8 of its size inside libjpeg (its DCT
     * scaling: far less work than decoding every pixel and shrinking afterwards), never below
     * {@code minLongerSide}; other formats at full size.
     */
    public Reduced decodeReduced(byte[] bytes, String name, int minLongerSide) throws ImageDecodeException {
        ImageHeader header = checked(bytes, name);
        int longer = Math.max(header.width(), header.height());
        int factor = 1;
        if (header.format() == ImageHeader.Format.JPEG) {
            while (factor < 8 && longer / (factor * 2) >= minLongerSide) {
                factor *= 2;
            }
        }
        BufferedImage image = decode(bytes, name, header, factor);
        boolean turned =
                (image.getWidth() >= image.getHeight()) != (header.width() >= header.height()); // EXIF rotation
        return new Reduced(
                image, factor, turned ? header.height() : header.width(), turned ? header.width() : header.height());
    }

    /** A picture decoded at 1/{@code factor} of the full {@code width}×{@code height} (EXIF orientation applied). */
    public record Reduced(BufferedImage image, int factor, int width, int height) {}

    private ImageHeader checked(byte[] bytes, String name) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(name + ": empty file");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageDecodeException(
                    name + ": file too large (" + mib(bytes.length) + ", limit " + mib(limits.maxBytes()) + ")");
        }
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (ImageDecodeException e) {
            throw new ImageDecodeException(name + ": " + e.getMessage());
        }
        if (header == null) {
            throw new ImageDecodeException(name + ": not an image in a supported format (JPEG, PNG, GIF, BMP, WebP)");
        }
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageDecodeException(name + ": corrupt " + header.format() + " header (size " + header.width()
                    + "x" + header.height() + ")");
        }
        if (header.pixels() > limits.maxPixels()) {
            throw new ImageDecodeException(String.format(
                    Locale.ROOT,
                    "%s: image too large (%dx%d = %.1f megapixels, limit %.1f)",
                    name,
                    header.width(),
                    header.height(),
                    header.pixels() / 1e6,
                    limits.maxPixels() / 1e6));
        }
        return header;
    }

    private BufferedImage decode(byte[] bytes, String name, ImageHeader header, int factor)
            throws ImageDecodeException {
        return switch (header.format()) {
            case JPEG -> {
                if (!hasEndOfImage(bytes)) {
                    throw new ImageDecodeException(name + ": truncated JPEG (the file ends before the picture does)");
                }
                yield withOpenCv(bytes, name, "JPEG", readFlag(factor));
            }
            case WEBP -> {
                if (header.animated()) {
                    throw new ImageDecodeException(name + ": unsupported format (animated WebP); post a still picture");
                }
                yield withOpenCv(bytes, name, "WebP", IMREAD_COLOR);
            }
            case PNG, GIF, BMP -> withImageIo(bytes, name, header.format().name());
        };
    }

    private static int readFlag(int factor) {
        return switch (factor) {
            case 1 -> IMREAD_COLOR;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 8 -> IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("no reduced decoding by " + factor);
        };
    }

    private static BufferedImage withOpenCv(byte[] bytes, String name, String format, int flag)
            throws ImageDecodeException {
        NativeStderrCapture.Captured<BufferedImage> decoded;
        try {
            decoded = NativeStderrCapture.run(() -> openCvDecode(bytes, flag));
        } catch (RuntimeException e) {
            throw new ImageDecodeException(name + ": corrupt " + format + " (" + e.getMessage() + ")", e);
        }
        if (!decoded.lines().isEmpty()) {
            log.warn(
                    "{}: damaged {} data, decoded what could be read ({})",
                    name,
                    format,
                    String.join("; ", decoded.lines()));
        }
        if (decoded.value() == null) {
            throw new ImageDecodeException(name + ": corrupt or unsupported " + format + " data"
                    + (decoded.lines().isEmpty() ? "" : " (" + String.join("; ", decoded.lines()) + ")"));
        }
        return decoded.value();
    }

    private static BufferedImage openCvDecode(byte[] bytes, int flag) {
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, CV_8UC1, data);
                Mat decoded = imdecode(buffer, flag)) {
            return decoded == null || decoded.empty() ? null : Mats.toBgrImage(decoded);
        }
    }

    private BufferedImage withImageIo(byte[] bytes, String name, String format) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(name + ": no reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // what ImageIO will allocate: a GIF frame may declare itself far larger than its 1×1 screen
                long frame = (long) reader.getWidth(0) * reader.getHeight(0);
                if (frame > limits.maxPixels() || reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw new ImageDecodeException(String.format(
                            Locale.ROOT,
                            "%s: image too large (its %s frame is %dx%d = %.1f megapixels, limit %.1f)",
                            name,
                            format,
                            reader.getWidth(0),
                            reader.getHeight(0),
                            frame / 1e6,
                            limits.maxPixels() / 1e6));
                }
                return toBgr(reader.read(0)); // first frame of an animated GIF
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfMemoryError) { // not the file's fault
                    throw new DecoderBusyException(
                            name + ": not enough memory to decode it right now; send it again" + " in a minute");
                }
            }
            throw new ImageDecodeException(
                    name + ": corrupt or truncated " + format + " ("
                            + (e.getMessage() != null
                                    ? e.getMessage()
                                    : e.getClass().getSimpleName()) + ")",
                    e);
        }
    }

    private BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(limits.background());
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }

    /**
     * A complete JPEG has an end-of-image marker after its first scan; a cut-off upload does not.
     * (Decoders would otherwise return the top part and grey for the rest.)
     */
    static boolean hasEndOfImage(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xFF) {
                i++;
                continue;
            }
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        for (int j = b.length - 2; j > i; j--) {
            if ((b[j] & 0xFF) == 0xFF && (b[j + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
