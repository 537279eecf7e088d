package umimegu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The re-launch: tcmalloc where it is installed, and memory limits from the machine's memory. */
class NativeMemoryTuningTest {
    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;

    @Test
    void tcmallocWhereInstalledUnlessGlibcIsAskedFor() {
        boolean installed = NativeMemoryTuning.TCMALLOC.stream().anyMatch(Files::isReadable);
        assertEquals(installed, NativeMemoryTuning.tcmalloc(Map.of()).isPresent());
        NativeMemoryTuning.tcmalloc(Map.of())
                .ifPresent(p -> assertTrue(p.toString().contains("tcmalloc")));
        assertEquals(Optional.empty(), NativeMemoryTuning.tcmalloc(Map.of("UMIMEGU_ALLOCATOR", "glibc")));
    }

    @Test
    void openMpSpinsBrieflyUnlessTheEnvironmentSaysOtherwise() {
        Map<String, String> settings = NativeMemoryTuning.childSettings(Map.of("HOME", "/root"));
        assertEquals("10000", settings.get("GOMP_SPINCOUNT"));
        assertEquals("1", settings.get("MALLOC_ARENA_MAX"));
        assertEquals(
                "300000",
                NativeMemoryTuning.childSettings(Map.of("GOMP_SPINCOUNT", "300000"))
                        .get("GOMP_SPINCOUNT"));
    }

    @Test
    void aSmallServerLetsNativeMemoryUseWhatTheHeapDoesNotInsteadOfJavaCppsDefaults() {
        // JavaCPP's defaults on 4 GB: native buffers up to the 1 GB heap, the process up to 2 GB
        long process = 4 * GB - 256 * MB;
        assertEquals(
                List.of(
                        "-Xmx1024m",
                        "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + process,
                        "-Dorg.bytedeco.javacpp.maxbytes=" + (process - GB)),
                NativeMemoryTuning.memoryOptions(List.of("-Dfile.encoding=UTF-8"), 4 * GB));
    }

    @Test
    void theHeapStaysBetweenAQuarterGigabyteAndTwoAndTheProcessLeavesAtLeastOneTwentieth() {
        long big = 64 * GB;
        assertEquals(
                List.of(
                        "-Xmx2048m",
                        "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (big - big / 20),
                        "-Dorg.bytedeco.javacpp.maxbytes=" + (big - big / 20 - 2 * GB)),
                NativeMemoryTuning.memoryOptions(List.of(), big));
        assertEquals(
                "-Xmx256m", NativeMemoryTuning.memoryOptions(List.of(), GB / 2).get(0));
        assertEquals(List.of(), NativeMemoryTuning.memoryOptions(List.of(), 0), "memory unknown: the defaults");
        assertTrue(NativeMemoryTuning.machineBytes() > 0, "HotSpot says how much memory there is");
    }

    @Test
    void whatTheCommandLineSetsIsKeptAndCountedAsIs() {
        assertEquals(
                List.of("-Dorg.bytedeco.javacpp.maxbytes=" + 3 * GB),
                NativeMemoryTuning.memoryOptions(
                        List.of("-Xmx3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"), 8 * GB));
        assertEquals(
                List.of(),
                NativeMemoryTuning.memoryOptions(
                        List.of(
                                "-Xmx512m",
                                "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g",
                                "-Dorg.bytedeco.javacpp.maxbytes=5g"),
                        8 * GB));
        assertEquals(3 * GB, NativeMemoryTuning.bytes("3G"));
        assertEquals(512 * MB, NativeMemoryTuning.bytes("524288k"));
        assertEquals(1000, NativeMemoryTuning.bytes("1000"));
        assertEquals(1024 * GB, NativeMemoryTuning.bytes("1t"));
        assertEquals(-1, NativeMemoryTuning.bytes("80%"));
        // a process limit written in a way not read here is left to JavaCPP, and so is the native one
        assertEquals(
                List.of(),
                NativeMemoryTuning.memoryOptions(
                        List.of("-Xmx1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=80%"), 8 * GB));
    }
}
