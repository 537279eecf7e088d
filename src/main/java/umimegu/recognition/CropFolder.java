package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.common.ContentFiles;
import umimegu.common.Png;

/**
 * The kept face crops, {@code <sha256>.png} each, so that an answer judged wrong later can become
 * a training picture. Bounded: past {@code maxBytes} the oldest crops are dropped (and the drop
 * logged); crops waiting for review are copied elsewhere, so dropping never loses a correction.
 */
public final class CropFolder {
    private static final Logger log = LoggerFactory.getLogger(CropFolder.class);
    private static final int PRUNE_EVERY = 100;

    private final Path dir;
    private final long maxBytes;
    private final AtomicInteger keptSincePrune = new AtomicInteger();

    public CropFolder(Path dir, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("history.crops-max-mb must be positive");
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public Path dir() {
        return dir;
    }

    /** The longest side a kept crop is reduced to: more than any model reads (160 px), a sixth of the encoding work of a 600 px face. */
    public static final int MAX_SIDE = 256;

    /**
     * The PNG a face crop is kept as, reduced to {@link #MAX_SIDE} at most; the same crop always
     * gives the same bytes, so a crop kept with an answer and the same face added with {@code !add}
     * get one content-hash name.
     */
    public static byte[] png(BufferedImage crop) {
        int longest = Math.max(crop.getWidth(), crop.getHeight());
        if (longest <= MAX_SIDE) {
            return Png.encodeFast(crop);
        }
        double scale = (double) MAX_SIDE / longest;
        int w = Math.max(1, (int) Math.round(crop.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(crop.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(crop, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return Png.encodeFast(small);
    }

    /** Writes the crop (once per content) and returns its SHA-256; null when it could not be written. */
    public String keep(BufferedImage crop) {
        try {
            String sha = ContentFiles.keep(dir, png(crop));
            if (keptSincePrune.incrementAndGet() >= PRUNE_EVERY) {
                keptSincePrune.set(0);
                prune();
            }
            return sha;
        } catch (IOException | RuntimeException e) {
            log.error("Could not keep a face crop in {}: {}", dir, e.getMessage());
            return null;
        }
    }

    /** The crop's PNG bytes, if it is still kept. */
    public Optional<byte[]> read(String sha256) {
        return ContentFiles.read(dir, sha256);
    }

    /** Drops the oldest crops until the folder is back under 90% of its cap; returns how many went. */
    public synchronized int prune() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> crops;
        try (Stream<Path> files = Files.list(dir)) {
            crops = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .toList());
        } catch (IOException e) {
            log.warn("Could not list the face crops in {}: {}", dir, e.getMessage());
            return 0;
        }
        long total = crops.stream().mapToLong(CropFolder::size).sum();
        if (total <= maxBytes) {
            return 0;
        }
        crops.sort(Comparator.comparing(CropFolder::modified).thenComparing(Path::toString));
        long goal = maxBytes / 10 * 9;
        int dropped = 0;
        long droppedBytes = 0;
        for (Path crop : crops) {
            if (total <= goal) {
                break;
            }
            long size = size(crop);
            try {
                Files.deleteIfExists(crop);
                total -= size;
                droppedBytes += size;
                dropped++;
            } catch (IOException e) {
                log.warn("Could not drop the face crop {}: {}", crop, e.getMessage());
            }
        }
        log.info(
                "Dropped the {} oldest face crops ({} KiB) to keep {} under its cap of {} MiB (history.crops-max-mb)",
                dropped,
                droppedBytes / 1024,
                dir,
                maxBytes / 1048576);
        return dropped;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
