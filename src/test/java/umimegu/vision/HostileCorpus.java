package umimegu.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Hostile pictures for fuzz tests: seeded mutations of good pictures, and the shared generator's cases. */
public final class HostileCorpus {
    private HostileCorpus() {}

    /** A demo face as PNG, JPEG, BMP and GIF. */
    public static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage face = new umimegu.demo.SyntheticFaces(120).draw(0, new Random(3));
        for (String format : List.of("png", "jpeg", "bmp", "gif")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(face, format, out);
            seeds.add(out.toByteArray());
        }
        return seeds;
    }

    /**
     * The cases of {@code tools/hostile-images/gen.py} generated into {@code out}, or none when
     * {@code generator} is not there.
     */
    public static List<Path> generated(Path generator, Path out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(generator)) {
            return List.of();
        }
        Process p = new ProcessBuilder("python3", generator.toString(), out.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("gen.py failed: " + log);
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code seed} with a few bytes flipped, cut, repeated or overwritten. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, 1 + random.nextInt(b.length));
            case 2 -> {
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(256));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, from + len);
                for (int r = 0; r < 1 + random.nextInt(4); r++) {
                    out.write(b, from, len);
                }
                out.write(b, from + len, b.length - from - len);
                b = out.toByteArray();
            }
            case 3 -> {
                int at = Math.min(b.length - 1, 8 + random.nextInt(Math.min(64, b.length)));
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                }
            }
            default -> {
                for (int k = 0; k < 16; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }
}
