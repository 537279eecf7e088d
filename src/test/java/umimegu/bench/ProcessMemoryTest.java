package umimegu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void readsSizesInKilobytesFromTheStatusFile() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assertEquals(OptionalLong.of(204800), ProcessMemory.parse(status, "VmHWM:"));
        assertEquals(OptionalLong.of(102400), ProcessMemory.parse(status, "VmRSS:"));
        assertEquals(OptionalLong.empty(), ProcessMemory.parse(status, "VmSwap:"));
    }

    @Test
    void aPhasesPeakCountsWhatThePhaseTouchedAndTheOverallPeakKeepsEarlierOnes() {
        assumeTrue(Files.isWritable(Path.of("/proc/self/clear_refs")), "Linux");
        ProcessMemory memory = new ProcessMemory();
        assertTrue(memory.startPhase());
        double start = Double.parseDouble(memory.phasePeakMb());
        ByteBuffer block = ByteBuffer.allocateDirect(128 * 1024 * 1024);
        for (int i = 0; i < block.capacity(); i += 4096) {
            block.put(i, (byte) 1);
        }
        double phase = Double.parseDouble(memory.phasePeakMb());
        assertTrue(phase >= start + 100, start + " MB at the start, " + phase + " MB at the peak");
        assertTrue(memory.startPhase());
        assertTrue(Double.parseDouble(memory.overallPeakMb()) >= phase);
        assertEquals(128 * 1024 * 1024, block.capacity());
    }
}
