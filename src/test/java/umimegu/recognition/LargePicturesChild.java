package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import umimegu.model.PictureClassifier;
import umimegu.model.Prediction;
import umimegu.vision.DecodeLimits;
import umimegu.vision.DecoderBusyException;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * A process with a small heap that looks at {@code n} copies of one large picture at once, as
 * {@code n} uploads would: {@code picture n}. Prints one line per picture: {@code answered},
 * {@code busy: …}, {@code bad: …} (reported as a bad file) or {@code failed: …}.
 */
public final class LargePicturesChild {
    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        PictureClassifier model = new PictureClassifier() {
            @Override
            public String modelId() {
                return "m";
            }

            @Override
            public List<String> labels() {
                return List.of("megumi", "umi");
            }

            @Override
            public List<Prediction> predictAll(List<BufferedImage> pictures) {
                return pictures.stream()
                        .map(p -> new Prediction("umi", 0.9, List.of(0.1, 0.9)))
                        .toList();
            }
        };
        Recognizer recognizer = new Recognizer(
                new ImageDecoder(DecodeLimits.defaults()),
                FaceDetection.unavailable("not needed here", FaceSettings.Fallback.WHOLE_IMAGE),
                () -> model,
                new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of())));
        List<String> results = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "big-" + i + ".png";
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    recognizer.recognize(bytes, name);
                    results.add("answered");
                } catch (DecoderBusyException e) {
                    results.add("busy: " + e.getMessage());
                } catch (ImageDecodeException e) {
                    results.add("bad: " + e.getMessage());
                } catch (Throwable e) {
                    results.add("failed: " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        results.forEach(System.out::println);
    }
}
