package umimegu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {
    @Test
    void readsSizesInKilobytesFromTheStatusFile() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assertEquals(OptionalLong.of(204800), ProcessMemory.parse(status, "VmHWM:"));
        assertEquals(OptionalLong.of(102400), ProcessMemory.parse(status, "VmRSS:"));
        assertEquals(OptionalLong.empty(), ProcessMemory.parse(status, "VmSwap:"));
    }

    /** A file mapped and written is new resident memory, whatever the allocator holds already. */
    @Test
    void aPhasesPeakCountsWhatThePhaseTouchedAndTheOverallPeakKeepsEarlierOnes(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isWritable(Path.of("/proc/self/clear_refs")), "Linux");
        ProcessMemory memory = new ProcessMemory();
        assertTrue(memory.startPhase());
        double start = Double.parseDouble(memory.phasePeakMb());
        int size = 128 * 1024 * 1024;
        try (FileChannel file = FileChannel.open(
                dir.resolve("touched"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer block = file.map(FileChannel.MapMode.READ_WRITE, 0, size);
            for (int i = 0; i < size; i += 4096) {
                block.put(i, (byte) 1);
            }
            double phase = Double.parseDouble(memory.phasePeakMb());
            assertTrue(phase >= start + 100, start + " MB at the start, " + phase + " MB at the peak");
            assertTrue(memory.startPhase());
            assertTrue(Double.parseDouble(memory.overallPeakMb()) >= phase);
            assertEquals(size, block.capacity());
        }
    }
}
