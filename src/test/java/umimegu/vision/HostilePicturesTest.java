package umimegu.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.model.Classifier;
import umimegu.model.InputSpec;
import umimegu.model.ModelInfo;
import umimegu.model.NetworkFactory;
import umimegu.model.StoredModel;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.AnswerSettings;
import umimegu.recognition.FaceDetection;
import umimegu.recognition.Recognizer;

/**
 * Hostile pictures through the decoder and the recognizer (real cascade from OpenCV's jar): each is
 * answered or refused with an {@link ImageDecodeException} naming the reason, never another
 * exception, and quickly. The corpus is made at test time in a temporary folder: a seeded mutation
 * loop over pictures of our own, hand-built thin and bomb cases, and, when {@code ../shared} is
 * there, the ~330 cases of {@code ../shared/tools/hostile-images/gen.py} and mutations of
 * {@code ../shared/data/odd}.
 */
class HostilePicturesTest {
    private static final Duration PER_FILE = Duration.ofSeconds(15);
    private static Recognizer recognizer;
    private static ImageDecoder decoder;

    @TempDir
    static Path work;

    @BeforeAll
    static void recognizer() throws Exception {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        Classifier classifier = new Classifier(new StoredModel(
                "m-fuzz",
                null,
                NetworkFactory.create(input, 2, 1e-3, 1),
                new ModelInfo(List.of("megumi", "umi"), input)));
        FaceSettings faces = new FaceSettings(
                "lbpcascade_frontalface_improved",
                java.net.URI.create("http://127.0.0.1:1/x"),
                "0".repeat(64),
                work.resolve("cascades"),
                Duration.ofSeconds(1),
                FaceSettings.Fallback.WHOLE_IMAGE,
                1.1,
                5,
                24,
                0.25,
                400);
        Path cascade = new CascadeFiles(faces).resolve();
        decoder = new ImageDecoder();
        recognizer = new Recognizer(
                decoder,
                FaceDetection.available(new CascadeFaceDetector(cascade, faces), 0.25),
                () -> classifier,
                new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of())));
    }

    /** Answered, or refused with the reason; anything else fails with the file's name. */
    private static boolean answerOrRefuse(Path file) {
        long start = System.nanoTime();
        boolean answered;
        try {
            recognizer.recognize(decoder.read(file), file.toString());
            answered = true;
        } catch (ImageDecodeException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), "the refusal names the file: " + e.getMessage());
            answered = false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(file + " broke the recognizer: " + e, e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < PER_FILE.toMillis(), file + " took " + ms + " ms");
        return answered;
    }

    @Test
    void thinPicturesAreAnsweredNotCrashed() throws Exception {
        for (int[] size : new int[][] {{1, 5000}, {5000, 1}, {2, 3000}, {3000, 2}, {1, 1}}) {
            BufferedImage thin = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            for (String format : List.of("png", "bmp", "gif", "jpg")) {
                Path file = work.resolve("thin_" + size[0] + "x" + size[1] + "." + format);
                ImageIO.write(thin, format.equals("jpg") ? "jpeg" : format, file.toFile());
                assertTrue(answerOrRefuse(file), file + " should be answered");
            }
        }
    }

    @Test
    void aGifFrameLargerThanItsScreenIsRefusedBeforeDecoding() throws Exception {
        Path bomb = Files.write(work.resolve("frame_bomb.gif"), gif(1, 1, 20_000, 20_000));
        long start = System.nanoTime();
        ImageDecodeException e =
                org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> decoder.decode(bomb));
        assertTrue(e.getMessage().contains("image too large"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "refused from the header");
        answerOrRefuse(Files.write(work.resolve("frame_outside.gif"), gifAt(50, 50, 40, 40, 100, 100)));
    }

    @Test
    void specialFilesAreRefusedAndNeverRead() throws Exception {
        Path zero = work.resolve("zero.png");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        ImageDecodeException e =
                org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> decoder.read(zero));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path fifo = work.resolve("f.png");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0) {
            assertTrue(
                    org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> decoder.read(fifo))
                            .getMessage()
                            .contains("not a regular file"));
        }
        Path dir = Files.createDirectories(work.resolve("folder.png"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> decoder.read(dir))
                .getMessage()
                .contains("not a regular file"));
    }

    /** A fixed budget of seeded mutations (bit flips, cuts, repeated slices, overwritten headers) of good pictures. */
    @Test
    void mutatedPicturesAreAnsweredOrRefused() throws Exception {
        List<byte[]> seeds = new ArrayList<>(HostileCorpus.seeds());
        if (Files.isDirectory(TestFixtures.SHARED_DATA.resolve("odd"))) {
            try (Stream<Path> odd = Files.list(TestFixtures.SHARED_DATA.resolve("odd"))) {
                for (Path f : odd.filter(Files::isRegularFile).sorted().toList()) {
                    if (Files.size(f) < 2_000_000) {
                        seeds.add(Files.readAllBytes(f));
                    }
                }
            }
        }
        Random random = new Random(20261201);
        Path dir = Files.createDirectories(work.resolve("mutated"));
        int answered = 0;
        int cases = 300;
        for (int i = 0; i < cases; i++) {
            byte[] m = mutate(seeds.get(random.nextInt(seeds.size())), random);
            answered += answerOrRefuse(Files.write(dir.resolve("m" + i + ".img"), m)) ? 1 : 0;
        }
        assertTrue(answered > 0, "some mutations still decode");
    }

    /** The cases of ../shared/tools/hostile-images/gen.py, generated into a temporary folder. */
    @Test
    void theHostileImageGeneratorsCasesAreAnsweredOrRefused() throws Exception {
        Path gen = TestFixtures.sharedData("../tools/hostile-images").resolve("gen.py");
        List<Path> files = HostileCorpus.generated(gen, work.resolve("hostile"));
        assertTrue(files.size() > 300, "cases: " + files.size());
        for (Path f : files) {
            answerOrRefuse(f);
        }
        Path good = work.resolve("good-after-all.png");
        ImageIO.write(new umimegu.demo.SyntheticFaces(120).draw(1, new Random(4)), "png", good.toFile());
        assertTrue(answerOrRefuse(good), "a good picture after them all is still answered");
    }

    static byte[] mutate(byte[] seed, Random random) {
        return HostileCorpus.mutate(seed, random);
    }

    /** A GIF whose one frame declares {@code fw×fh} on a {@code sw×sh} screen. */
    static byte[] gif(int sw, int sh, int fw, int fh) {
        return gifAt(sw, sh, 0, 0, fw, fh);
    }

    static byte[] gifAt(int sw, int sh, int left, int top, int fw, int fh) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes())
                .putShort((short) sw)
                .putShort((short) sh)
                .put((byte) 0xF0)
                .put((byte) 0)
                .put((byte) 0);
        b.put(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        b.put((byte) 0x2C)
                .putShort((short) left)
                .putShort((short) top)
                .putShort((short) fw)
                .putShort((short) fh)
                .put((byte) 0);
        b.put(new byte[] {0x02, 0x02, 0x4C, 0x01, 0x00, 0x3B});
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
