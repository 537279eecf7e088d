package umimegu.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Copies between OpenCV's BGR {@link Mat} and Java's {@code TYPE_3BYTE_BGR} image (same byte order). */
final class Mats {
    private Mats() {}

    static BufferedImage toBgrImage(Mat mat) {
        if (mat.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel picture, got type " + mat.type());
        }
        BufferedImage image = new BufferedImage(mat.cols(), mat.rows(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int rowBytes = mat.cols() * 3;
        BytePointer data = mat.data();
        for (int y = 0; y < mat.rows(); y++) {
            data.position(y * mat.step()).get(target, y * rowBytes, rowBytes);
        }
        return image;
    }

    /** A Mat sharing nothing with the image (the caller closes it). */
    static Mat fromBgrImage(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected TYPE_3BYTE_BGR, got type " + image.getType());
        }
        byte[] source = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(image.getHeight(), image.getWidth(), CV_8UC3);
        mat.data().put(source, 0, source.length);
        return mat;
    }
}
