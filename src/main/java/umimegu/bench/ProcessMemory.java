package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's resident memory from {@code /proc/self/status}, and its peak per phase of a
 * benchmark: Linux resets the peak ({@code VmHWM}) to the current size when "5" is written to
 * {@code /proc/self/clear_refs}. The highest peak of all phases is kept, so the process's overall
 * peak is still known after a reset.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private long highestKb;

    /** Starts a phase: its peak is measured from the current size. False where it cannot be. */
    public boolean startPhase() {
        highestKb = Math.max(highestKb, field("VmHWM:").orElse(0));
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The peak since the phase started, in MB, or "unknown". */
    public String phasePeakMb() {
        return mb(field("VmHWM:"));
    }

    /** The size now, in MB, or "unknown". */
    public String residentMb() {
        return mb(field("VmRSS:"));
    }

    /** The process's peak over all phases, in MB, or "unknown". */
    public String overallPeakMb() {
        OptionalLong now = field("VmHWM:");
        return now.isPresent() ? mb(OptionalLong.of(Math.max(highestKb, now.getAsLong()))) : "unknown";
    }

    static OptionalLong parse(String statusText, String name) {
        return statusText
                .lines()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).replaceAll("\\D+", ""))
                .filter(digits -> !digits.isEmpty())
                .mapToLong(Long::parseLong)
                .findFirst();
    }

    private static OptionalLong field(String name) {
        try {
            return Files.isReadable(STATUS) ? parse(Files.readString(STATUS), name) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static String mb(OptionalLong kb) {
        return kb.isPresent() ? Figures.fmt(kb.getAsLong() / 1024.0) : "unknown";
    }
}
