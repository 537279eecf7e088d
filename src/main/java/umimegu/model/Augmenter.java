package umimegu.model;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Opt-in training augmentation on preprocessed pixels: horizontal flip, small rotation, scale and
 * shift, and brightness. Edges are filled by clamping the transform to the source image.
 */
public final class Augmenter {
    private static final double MAX_ROTATION_RAD = Math.toRadians(10);
    private static final double MAX_SCALE_DELTA = 0.1;
    private static final double MAX_SHIFT = 0.1;
    private static final double MAX_BRIGHTNESS_DELTA = 0.2;

    private final int width;
    private final int height;

    public Augmenter(InputSpec spec) {
        this.width = spec.width();
        this.height = spec.height();
    }

    public byte[] augment(byte[] pixels, Random random) {
        BufferedImage source = toImage(pixels);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        AffineTransform transform = new AffineTransform();
        double scale = 1 + (random.nextDouble() * 2 - 1) * MAX_SCALE_DELTA;
        transform.translate(
                width / 2.0 + (random.nextDouble() * 2 - 1) * MAX_SHIFT * width,
                height / 2.0 + (random.nextDouble() * 2 - 1) * MAX_SHIFT * height);
        transform.rotate((random.nextDouble() * 2 - 1) * MAX_ROTATION_RAD);
        transform.scale(random.nextBoolean() ? -scale : scale, scale);
        transform.translate(-width / 2.0, -height / 2.0);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, 0, 0, null); // background for the corners the transform leaves open
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        double brightness = 1 + (random.nextDouble() * 2 - 1) * MAX_BRIGHTNESS_DELTA;
        int[] argb = target.getRGB(0, 0, width, height, null, 0, width);
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < argb.length; i++) {
            out[3 * i] = clamp(((argb[i] >> 16) & 0xFF) * brightness);
            out[3 * i + 1] = clamp(((argb[i] >> 8) & 0xFF) * brightness);
            out[3 * i + 2] = clamp((argb[i] & 0xFF) * brightness);
        }
        return out;
    }

    private BufferedImage toImage(byte[] pixels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = ((pixels[3 * i] & 0xFF) << 16) | ((pixels[3 * i + 1] & 0xFF) << 8) | (pixels[3 * i + 2] & 0xFF);
        }
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
    }
}
