package umimegu.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path root;

    private void file(String relative) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1});
    }

    @Test
    void labelsAreTheSortedFolderNamesAndEveryFileIsKept() throws IOException {
        file("umi/a.png");
        file("umi/b.jpg");
        file("megumi/c.png");
        file("third_one/d.bmp");
        file("megumi/.hidden");

        ImageFolder folder = ImageFolder.scan(root);

        assertEquals(List.of("megumi", "third_one", "umi"), folder.labels());
        assertEquals(4, folder.files().size());
        assertEquals(2, folder.files().stream().filter(f -> f.label() == 2).count());
    }

    @Test
    void refusesMissingFolderSingleLabelAndEmptyLabel() throws IOException {
        var missing = assertThrows(DatasetException.class, () -> ImageFolder.scan(root.resolve("nope")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

        file("only/a.png");
        var single = assertThrows(DatasetException.class, () -> ImageFolder.scan(root));
        assertTrue(single.getMessage().contains("at least 2"), single.getMessage());

        Files.createDirectories(root.resolve("empty"));
        var empty = assertThrows(DatasetException.class, () -> ImageFolder.scan(root));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void aTestSetMustUseTheModelsLabels() throws IOException {
        file("megumi/a.png");
        file("stranger/b.png");
        var e = assertThrows(DatasetException.class, () -> ImageFolder.scanAgainst(root, List.of("megumi", "umi")));
        assertTrue(e.getMessage().contains("stranger"), e.getMessage());

        Files.delete(root.resolve("stranger/b.png"));
        Files.delete(root.resolve("stranger"));
        ImageFolder subset = ImageFolder.scanAgainst(root, List.of("megumi", "umi"));
        assertEquals(List.of("megumi", "umi"), subset.labels());
        assertEquals(0, subset.files().get(0).label());
    }
}
