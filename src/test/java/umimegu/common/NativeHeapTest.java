package umimegu.common;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    private static final long MB = 1024 * 1024;

    /**
     * The tests run on glibc with the CLI's settings (no mmap for large blocks, no automatic trim),
     * under which 256 MB freed stay resident until the allocator is asked to give them back.
     */
    @Test
    void freedNativeMemoryLeavesTheProcessOnRelease() throws IOException {
        assumeTrue(Platform.isLinux(), "reads /proc");
        assertTrue(List.of("glibc", "tcmalloc").contains(NativeHeap.allocator()), NativeHeap.allocator());
        NativeHeap.releaseFreeMemory();
        long before = residentBytes();
        long size = 256 * MB;
        long block = Native.malloc(size);
        assertTrue(block != 0);
        new Pointer(block).setMemory(0, size, (byte) 1);
        Native.free(block);
        NativeHeap.releaseFreeMemory();
        long after = residentBytes();
        assertTrue(after < before + 64 * MB, "resident " + before / MB + " MB before, " + after / MB + " MB after");
    }

    private static long residentBytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")) * 1024)
                .findFirst()
                .orElseThrow();
    }
}
