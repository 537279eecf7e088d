package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnotatedNamesTest {
    @Test
    void samePictureNamesInOtherFoldersOrFormatsGetDistinctFiles() {
        Set<String> used = new HashSet<>();
        String a = AnnotatedNames.next(Path.of("a/group.jpg"), used);
        String b = AnnotatedNames.next(Path.of("b/group.jpg"), used);
        String c = AnnotatedNames.next(Path.of("b/group.png"), used);
        assertEquals("group-annotated.png", a);
        assertEquals(3, Set.of(a, b, c).size(), a + " " + b + " " + c);
        assertTrue(b.startsWith("group-") && b.endsWith("-annotated.png"), b);
    }

    @Test
    void aVeryLongNameIsShortenedUnderTheFileSystemLimit() {
        String longName = "顔".repeat(60) + "x".repeat(185) + ".jpg";
        String name = AnnotatedNames.next(Path.of(longName), new HashSet<>());
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name.length() + " chars");
        assertNotEquals(longName, name);
        assertTrue(name.endsWith("-annotated.png"));
    }
}
