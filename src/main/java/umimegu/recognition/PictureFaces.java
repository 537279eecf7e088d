package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import umimegu.vision.FaceBox;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * Picture bytes to face crops, the same for answers and for pictures added to training (so the
 * same picture gives the same crop, byte for byte, both ways). A large JPEG is decoded reduced to
 * the size detection works at; a face is cut from that reduced picture when its crop is at least
 * {@link #MIN_CROP_SIDE} pixels, otherwise the picture is decoded again at full size for the crops.
 * With several faces (answered with an annotated picture) a larger copy is decoded for drawing.
 */
public final class PictureFaces {
    /** Smallest crop side taken from a reduced picture: above any model input in use (100–128). */
    static final int MIN_CROP_SIDE = 160;
    /** Pictures with several faces are answered with an annotated copy: at least this long, where the upload is. */
    static final int ANNOTATED_SIDE = 1280;

    private final ImageDecoder decoder;

    public PictureFaces(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * The faces found, in no particular order; {@code picture} may be a reduced copy, boxes are in
     * its pixels and {@code scale} is how many original pixels one of its pixels stands for.
     */
    public record Found(BufferedImage picture, double scale, List<Face> faces) {
        public Found {
            faces = List.copyOf(faces);
        }
    }

    /** One face: its box in the picture's pixels and the crop cut around it with the margin. */
    public record Face(FaceBox box, BufferedImage crop) {}

    /** Decodes at full size: without a detector the whole picture is what gets classified. */
    public BufferedImage whole(byte[] bytes, String name) throws ImageDecodeException {
        return decoder.decode(bytes, name);
    }

    public Found find(byte[] bytes, String name, FaceDetection detection) throws ImageDecodeException {
        ImageDecoder.Reduced reduced =
                decoder.decodeReduced(bytes, name, detection.detector().detectionSide());
        List<FaceBox> boxes = detection.detector().detect(reduced.image());
        if (boxes.size() > 1 && reduced.factor() > 1) {
            // several faces: the answer is a picture with boxes and names, so it is drawn on a larger copy
            ImageDecoder.Reduced larger = decoder.decodeReduced(bytes, name, ANNOTATED_SIDE);
            double up = larger.image().getWidth() / (double) reduced.image().getWidth();
            boxes = boxes.stream().map(b -> clip(b.scaled(up), larger.image())).toList();
            reduced = larger;
        }
        BufferedImage picture = reduced.image();
        List<FaceBox> regions = boxes.stream()
                .map(b -> FaceCrops.withMargin(b, detection.margin(), picture.getWidth(), picture.getHeight()))
                .toList();
        boolean small = regions.stream().anyMatch(r -> Math.min(r.width(), r.height()) < MIN_CROP_SIDE);
        BufferedImage source = reduced.factor() > 1 && small ? decoder.decode(bytes, name) : picture;
        double up = source.getWidth() / (double) picture.getWidth();
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            FaceBox region = regions.get(i);
            faces.add(new Face(
                    boxes.get(i), FaceCrops.crop(source, up == 1.0 ? region : clip(region.scaled(up), source))));
        }
        return new Found(picture, reduced.width() / (double) picture.getWidth(), faces);
    }

    private static FaceBox clip(FaceBox box, BufferedImage picture) {
        int x = Math.min(box.x(), picture.getWidth() - 1);
        int y = Math.min(box.y(), picture.getHeight() - 1);
        return new FaceBox(
                x, y, Math.min(box.width(), picture.getWidth() - x), Math.min(box.height(), picture.getHeight() - y));
    }
}
