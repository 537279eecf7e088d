package umimegu.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.model.ModelStore;
import umimegu.recognition.CropFolder;

/** The files teaching writes: training pictures, the crop cache under its cap, and the line of models to roll back to. */
class TeachingFilesTest {
    @TempDir
    Path dir;

    private static BufferedImage picture(int rgb) {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, rgb * 7919 + x * 31 + y * 1543);
            }
        }
        return image;
    }

    @Test
    void picturesFromTheChatGetContentNamesAreNeverAddedTwiceAndLeaveNoTemporaryFiles() throws Exception {
        TrainingPictures pictures = new TrainingPictures(dir.resolve("images"));
        Files.createDirectories(dir.resolve("images/umi"));
        Files.write(dir.resolve("images/umi/old.png"), new byte[] {1});
        byte[] png = umimegu.common.Png.encode(picture(1));
        assertEquals(TrainingPictures.Added.ADDED, pictures.add("megumi", png));
        assertEquals(TrainingPictures.Added.DUPLICATE, pictures.add("megumi", png));
        assertEquals(TrainingPictures.Added.DUPLICATE, pictures.add("umi", png), "the same crop under another label");
        assertEquals(
                new TrainingPictures.LabelCount("megumi", 1, 1),
                pictures.counts().get("megumi"));
        assertEquals(
                new TrainingPictures.LabelCount("umi", 1, 0), pictures.counts().get("umi"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().endsWith(".part"))
                            .toList());
        }
        assertThrows(IllegalArgumentException.class, () -> pictures.add("../x", png));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void theCropCacheDropsItsOldestCropsPastItsCap() throws Exception {
        CropFolder crops = new CropFolder(dir.resolve("crops"), 20_000);
        String first = crops.keep(picture(1));
        long size = Files.size(dir.resolve("crops").resolve(first + ".png"));
        Files.setLastModifiedTime(dir.resolve("crops").resolve(first + ".png"), FileTime.fromMillis(1000));
        int kept = (int) (30_000 / size) + 1;
        for (int i = 2; i <= kept; i++) {
            crops.keep(picture(i));
        }
        assertTrue(crops.read(first).isPresent());
        assertTrue(crops.prune() > 0);
        assertTrue(crops.read(first).isEmpty(), "the oldest crop went first");
        try (Stream<Path> files = Files.list(dir.resolve("crops"))) {
            assertTrue(files.mapToLong(p -> p.toFile().length()).sum() <= 20_000);
        }
        assertTrue(crops.read("../../etc/passwd").isEmpty());
    }

    @Test
    void rollingBackGoesOneModelFurtherBackEachTime() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("models"));
        for (String id : List.of("m1", "m2", "m3")) {
            Files.createDirectories(dir.resolve("models").resolve(id));
            Files.write(dir.resolve("models").resolve(id).resolve(ModelStore.NETWORK_FILE), new byte[] {1});
        }
        assertEquals(Optional.empty(), store.rollBack());
        store.makeCurrent("m1");
        store.makeCurrent("m2");
        store.makeCurrent("m3");
        assertEquals(Optional.of("m2"), store.rollBack());
        assertEquals("m2", store.currentId());
        assertEquals(Optional.of("m1"), store.rollBack());
        assertEquals(Optional.empty(), store.rollBack());
        assertEquals("m1", store.currentId());
        store.makeCurrent("m3");
        assertEquals(Optional.of("m1"), store.rollBack());
        assertThrows(umimegu.model.ModelStoreException.class, () -> store.makeCurrent("m9"));
        assertThrows(umimegu.model.ModelStoreException.class, () -> store.makeCurrent("../m1"));
    }
}
