package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The re-launch runs on tcmalloc where it is installed, unless glibc is asked for. */
class NativeMemoryTuningTest {
    @Test
    void tcmallocWhereInstalledUnlessGlibcIsAskedFor() {
        boolean installed = NativeMemoryTuning.TCMALLOC.stream().anyMatch(Files::isReadable);
        assertEquals(installed, NativeMemoryTuning.tcmalloc(Map.of()).isPresent());
        NativeMemoryTuning.tcmalloc(Map.of()).ifPresent(p -> assertTrue(p.toString().contains("tcmalloc")));
        assertEquals(Optional.empty(), NativeMemoryTuning.tcmalloc(Map.of("UMIMEGU_ALLOCATOR", "glibc")));
    }
}
