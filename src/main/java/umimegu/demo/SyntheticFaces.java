package umimegu.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws synthetic anime-like faces of two made-up classes, "megumi" and "umi", for the demo and
 * fast tests (the real artwork cannot ship). The classes differ in hair colour and style, eye
 * colour and accessory; pose, scale, offset, background, lighting and noise vary at random, and
 * the hair colours overlap a little, so the task is not trivial.
 */
public final class SyntheticFaces {
    public static final List<String> LABELS = List.of("megumi", "umi");
    private final int size;

    public SyntheticFaces(int size) {
        this.size = size;
    }

    /** Writes {@code perLabel} PNGs into {@code root/<label>/}, reproducibly from {@code seed}. */
    public void write(Path root, int perLabel, long seed) throws IOException {
        Random random = new Random(seed);
        for (int label = 0; label < LABELS.size(); label++) {
            Path folder = Files.createDirectories(root.resolve(LABELS.get(label)));
            for (int i = 0; i < perLabel; i++) {
                BufferedImage image = draw(label, random);
                ImageIO.write(
                        image,
                        "png",
                        folder.resolve(String.format("%s_%04d.png", LABELS.get(label), i))
                                .toFile());
            }
        }
    }

    public BufferedImage draw(int label, Random random) {
        boolean megumi = label == 0;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, randomColor(random, 60, 250), size, size, randomColor(random, 60, 250)));
            g.fillRect(0, 0, size, size);

            double s = size / 100.0;
            g.translate(size / 2.0 + gauss(random, 8) * s, size / 2.0 + gauss(random, 8) * s);
            g.rotate(Math.toRadians(gauss(random, 12)));
            double scale = s * (0.8 + random.nextDouble() * 0.35);
            g.scale(scale, scale);

            Color hair = megumi
                    ? jitter(new Color(196, 128, 70), random, 40) // light brown
                    : jitter(new Color(150, 40, 80), random, 40); // dark raspberry
            Color eyes =
                    megumi ? jitter(new Color(40, 150, 140), random, 30) : jitter(new Color(200, 60, 90), random, 30);
            Color skin = jitter(new Color(250, 222, 200), random, 12);

            g.setColor(hair);
            if (megumi) {
                // long wavy hair falling to both sides, one side ponytail
                g.fill(new Ellipse2D.Double(-40, -42, 80, 95));
                g.fill(new Ellipse2D.Double(28, -10 + random.nextInt(10), 18, 45));
            } else {
                // short bob with a straight fringe
                g.fill(new Ellipse2D.Double(-38, -44, 76, 70));
                g.fillRect(-38, -10, 14, 30);
                g.fillRect(24, -10, 14, 30);
            }
            g.setColor(skin);
            g.fill(new Ellipse2D.Double(-28, -25, 56, 62));
            g.setColor(hair);
            GeneralPath fringe = new GeneralPath();
            fringe.moveTo(-30, -18);
            if (megumi) {
                fringe.quadTo(-10, -2, 2, -22);
                fringe.quadTo(15, -4, 30, -16);
            } else {
                fringe.lineTo(30, -18);
                fringe.lineTo(30, -8);
                fringe.lineTo(-30, -8);
            }
            fringe.lineTo(30, -30);
            fringe.lineTo(-30, -30);
            fringe.closePath();
            g.fill(fringe);

            for (int side = -1; side <= 1; side += 2) {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(side * 12 - 7, 0, 14, 16));
                g.setColor(eyes);
                g.fill(new Ellipse2D.Double(side * 12 - 5, 2, 10, 13));
                g.setColor(Color.BLACK);
                g.fill(new Ellipse2D.Double(side * 12 - 2, 5, 4, 6));
            }
            g.setColor(new Color(200, 90, 90));
            g.setStroke(new BasicStroke(2f));
            g.drawArc(-6, 18, 12, 6, 200, 140);

            if (megumi && random.nextDouble() < 0.8) {
                g.setColor(jitter(new Color(250, 210, 60), random, 30)); // earring
                g.fill(new Ellipse2D.Double(-32, 18, 6, 6));
            } else if (!megumi && random.nextDouble() < 0.8) {
                g.setColor(jitter(new Color(90, 170, 250), random, 30)); // hair clip
                g.fillRect(-24, -28, 14, 5);
            }
        } finally {
            g.dispose();
        }
        lightAndNoise(image, random);
        return image;
    }

    private void lightAndNoise(BufferedImage image, Random random) {
        double light = 0.75 + random.nextDouble() * 0.5;
        double noise = 4 + random.nextDouble() * 10;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                int r = clamp(((rgb >> 16) & 0xFF) * light + random.nextGaussian() * noise);
                int gr = clamp(((rgb >> 8) & 0xFF) * light + random.nextGaussian() * noise);
                int b = clamp((rgb & 0xFF) * light + random.nextGaussian() * noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static double gauss(Random random, double sd) {
        return Math.max(-2.5, Math.min(2.5, random.nextGaussian())) * sd;
    }

    private static Color randomColor(Random random, int min, int max) {
        return new Color(
                min + random.nextInt(max - min), min + random.nextInt(max - min), min + random.nextInt(max - min));
    }

    private static Color jitter(Color c, Random random, int amount) {
        return new Color(
                clamp(c.getRed() + gauss(random, amount / 2.0)),
                clamp(c.getGreen() + gauss(random, amount / 2.0)),
                clamp(c.getBlue() + gauss(random, amount / 2.0)));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
