package umimegu.model;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The single preprocessing path shared by training and prediction: resize to the model's input
 * size as RGB, keep the pixels as bytes, and scale them to floats only when a batch is built.
 */
public final class Preprocessor {
    private final InputSpec spec;

    public Preprocessor(InputSpec spec) {
        this.spec = spec;
    }

    public InputSpec spec() {
        return spec;
    }

    /** Resizes to the input size, composites alpha on white, and returns RGB bytes in HWC order. */
    public byte[] toPixels(BufferedImage image) {
        BufferedImage resized = resize(image);
        int w = spec.width();
        int h = spec.height();
        int[] argb = resized.getRGB(0, 0, w, h, null, 0, w);
        byte[] pixels = new byte[w * h * InputSpec.CHANNELS];
        for (int i = 0; i < argb.length; i++) {
            pixels[3 * i] = (byte) (argb[i] >> 16);
            pixels[3 * i + 1] = (byte) (argb[i] >> 8);
            pixels[3 * i + 2] = (byte) argb[i];
        }
        return pixels;
    }

    public BufferedImage resize(BufferedImage image) {
        BufferedImage out = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, spec.width(), spec.height());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, spec.width(), spec.height(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Builds an NCHW float batch from HWC bytes. */
    public INDArray toBatch(List<byte[]> images) {
        int plane = spec.width() * spec.height();
        int perImage = spec.valuesPerImage();
        float[] values = new float[images.size() * perImage];
        int base = 0;
        for (byte[] pixels : images) {
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < InputSpec.CHANNELS; c++) {
                    values[base + c * plane + i] = spec.scaling().apply(pixels[InputSpec.CHANNELS * i + c] & 0xFF);
                }
            }
            base += perImage;
        }
        // one bulk copy: Nd4j.create(float[], ...) stores the values one put() at a time
        INDArray batch = Nd4j.createUninitialized(
                DataType.FLOAT, new long[] {images.size(), InputSpec.CHANNELS, spec.height(), spec.width()}, 'c');
        batch.data().asNioFloat().put(values);
        return batch;
    }
}
