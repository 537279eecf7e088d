package umimegu.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import umimegu.app.Application;
import umimegu.model.Classifier;
import umimegu.model.ModelInfo;
import umimegu.model.NetworkFactory;
import umimegu.model.StoredModel;
import umimegu.recognition.FaceDetection;
import umimegu.recognition.Recognition;
import umimegu.recognition.Recognizer;

/**
 * Detection time and end-to-end latency (decode + detect + crop + forward) for a 1000×1000 JPEG
 * with one face, made from the given picture. The network is untrained: its cost is the same.
 */
public final class FaceBench {
    private static final int RUNS = 60;

    private FaceBench() {}

    public static void run(Application app, Path facePicture, BiConsumer<String, String> figure) throws IOException {
        FaceDetection detection = app.faceDetection();
        if (!detection.isAvailable()) {
            figure.accept("faces_bench", "skipped (" + detection.unavailableReason() + ")");
            return;
        }
        byte[] jpeg = squareJpeg(app.decoder().decode(facePicture), 1000);
        BufferedImage decoded = app.decoder().decode(jpeg, "bench.jpg");
        var input = app.config().input();
        Classifier classifier = new Classifier(new StoredModel(
                "bench",
                null,
                NetworkFactory.create(input, 2, 1e-3, 1),
                new ModelInfo(List.of("megumi", "umi"), input)));
        Recognizer recognizer = app.recognizer(() -> classifier);

        double[] detect = new double[RUNS];
        double[] endToEnd = new double[RUNS];
        int faces = 0;
        for (int i = -10; i < RUNS; i++) {
            long t0 = System.nanoTime();
            int found = detection.detector().detect(decoded).size();
            long t1 = System.nanoTime();
            Recognition r = recognizer.recognize(jpeg, "bench.jpg");
            long t2 = System.nanoTime();
            if (i >= 0) {
                detect[i] = (t1 - t0) / 1e6;
                endToEnd[i] = (t2 - t1) / 1e6;
                faces = r.outcome() == Recognition.Outcome.FACES ? r.faces().size() : 0;
            }
            if (found == 0 && i == -10) {
                figure.accept("faces_bench_warning", "no face found in the bench picture");
            }
        }
        Arrays.sort(detect);
        Arrays.sort(endToEnd);
        figure.accept(
                "faces_picture",
                "1000x1000 jpeg, " + faces + " face(s), detect-max-side "
                        + app.config().faces().detectMaxSide());
        figure.accept("faces_detect_p50_ms", Figures.fmt(Figures.percentile(detect, 50)));
        figure.accept("faces_end_to_end_p50_ms", Figures.fmt(Figures.percentile(endToEnd, 50)));
        figure.accept("faces_end_to_end_p90_ms", Figures.fmt(Figures.percentile(endToEnd, 90)));
    }

    public static byte[] squareJpeg(BufferedImage picture, int side) throws IOException {
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = square.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double scale = Math.min(side / (double) picture.getWidth(), side / (double) picture.getHeight());
        int w = (int) (picture.getWidth() * scale);
        int h = (int) (picture.getHeight() * scale);
        g.drawImage(picture, (side - w) / 2, (side - h) / 2, w, h, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(square, "jpg", out);
        return out.toByteArray();
    }
}
