package umimegu.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.common.Sha256;

/**
 * Backbone features of picture files kept on disk, so a retraining computes only the pictures it
 * has not seen. The key is the backbone (id, size, weights), the way pictures are read (whole or
 * cut to the face), the file's content hash and the {@link View}: a renamed or moved picture is
 * still found, an edited one is computed again. A damaged entry is computed again.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);

    /** How a picture is shown to the backbone: as it is, or as an augmented view. */
    public enum View {
        PLAIN,
        MIRROR,
        /** The middle 80% of the picture. */
        ZOOM,
        ZOOM_MIRROR;

        public BufferedImage apply(BufferedImage picture) {
            return switch (this) {
                case PLAIN -> picture;
                case MIRROR -> mirrored(picture);
                case ZOOM -> middle(picture);
                case ZOOM_MIRROR -> mirrored(middle(picture));
            };
        }
    }

    /** Reads a picture file; throws what the reader throws for a file it cannot read. */
    public interface Reader<E extends Exception> {
        BufferedImage read(Path file) throws E;
    }

    private final Path folder;
    private final Backbone backbone;

    /** Entries for {@code backbone} and pictures read the way {@code readerTag} names, under {@code root}. */
    public FeatureCache(Path root, Backbone backbone, String readerTag) {
        this.backbone = backbone;
        this.folder = root.resolve(Backbone.ID + "-" + backbone.size() + "-"
                + backbone.sha256().substring(0, 12) + backbone.cut().tag() + "-" + readerTag);
    }

    /**
     * The features of each file under each view ({@code [file][view]}), from the cache or computed
     * (and then kept); {@code progress} gets the number of files done. A file the reader gives no
     * picture for (null) gets null.
     */
    public <E extends Exception> float[][][] features(
            List<Path> files, List<View> views, Reader<E> reader, IntConsumer progress) throws E {
        float[][][] out = new float[files.size()][views.size()][];
        List<Integer> missing = new ArrayList<>();
        List<String> keys = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            String key = key(files.get(i));
            keys.add(key);
            boolean complete = key != null;
            for (int v = 0; v < views.size() && complete; v++) {
                out[i][v] = read(entry(key, views.get(v)));
                complete = out[i][v] != null;
            }
            if (complete) {
                progress.accept(i + 1);
            } else {
                missing.add(i);
            }
        }
        int done = files.size() - missing.size();
        for (int i : missing) {
            BufferedImage picture = reader.read(files.get(i));
            if (picture == null) {
                out[i] = null;
                progress.accept(++done);
                continue;
            }
            List<BufferedImage> shown =
                    views.stream().map(v -> v.apply(picture)).toList();
            float[][] rows = backbone.features(shown);
            for (int v = 0; v < views.size(); v++) {
                out[i][v] = rows[v];
                if (keys.get(i) != null) {
                    write(entry(keys.get(i), views.get(v)), rows[v]);
                }
            }
            progress.accept(++done);
        }
        return out;
    }

    private Path entry(String key, View view) {
        return folder.resolve(key.substring(0, 2))
                .resolve(key + "-" + view.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String key(Path file) {
        try {
            return Sha256.hex(Files.readAllBytes(file));
        } catch (IOException | OutOfMemoryError e) {
            return null; // the reader reports it
        }
    }

    private static float[] read(Path entry) {
        try {
            if (!Files.isRegularFile(entry)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(entry);
            if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
                return null;
            }
            float[] row = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(row);
            return row;
        } catch (IOException e) {
            return null;
        }
    }

    private void write(Path entry, float[] row) {
        try {
            Files.createDirectories(entry.getParent());
            ByteBuffer bytes = ByteBuffer.allocate(row.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(row);
            Path temporary = Files.createTempFile(entry.getParent(), ".entry", ".tmp");
            Files.write(temporary, bytes.array());
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not keep the features of a picture in {}: {}", folder, e.getMessage());
        }
    }

    private static BufferedImage middle(BufferedImage picture) {
        int w = Math.max(1, Math.round(picture.getWidth() * 0.8f));
        int h = Math.max(1, Math.round(picture.getHeight() * 0.8f));
        return picture.getSubimage((picture.getWidth() - w) / 2, (picture.getHeight() - h) / 2, w, h);
    }

    /** The picture flipped left to right. */
    public static BufferedImage mirrored(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, picture.getRGB(x, y));
            }
        }
        return out;
    }
}
