package umimegu.recognition;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import umimegu.vision.FaceBox;

/**
 * The crop of a face that the classifier sees, the same for training crops ({@code crop}) and for
 * answers: the detected box widened by {@code margin} of its size on each side (hair is what tells
 * characters apart), clipped to the picture.
 */
public final class FaceCrops {
    private FaceCrops() {}

    public static FaceBox withMargin(FaceBox box, double margin, int pictureWidth, int pictureHeight) {
        int dx = (int) Math.round(box.width() * margin);
        int dy = (int) Math.round(box.height() * margin);
        int x0 = Math.max(0, box.x() - dx);
        int y0 = Math.max(0, box.y() - dy);
        int x1 = Math.min(pictureWidth, box.x() + box.width() + dx);
        int y1 = Math.min(pictureHeight, box.y() + box.height() + dy);
        return new FaceBox(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** A copy of the region (not a view sharing the picture's pixels). */
    public static BufferedImage crop(BufferedImage picture, FaceBox region) {
        BufferedImage out = new BufferedImage(region.width(), region.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, -region.x(), -region.y(), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
