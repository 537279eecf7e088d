package umimegu.common;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the native allocator's free memory back to the operating system.
 *
 * <p>A training's buffers (hundreds of MB at batch 128) go back to the allocator when it ends, but
 * tcmalloc keeps freed pages for later and gives them back only slowly, and glibc keeps what is
 * not at the top of its heap: the process would stay as large as its largest training. tcmalloc
 * (preloaded by {@code NativeMemoryTuning}) has {@code MallocExtension_ReleaseFreeMemory}, glibc
 * {@code malloc_trim}; whichever the process runs on is called. Elsewhere this does nothing.
 */
public final class NativeHeap {
    private static final Logger log = LoggerFactory.getLogger(NativeHeap.class);
    private static final Release RELEASE = find();

    private NativeHeap() {}

    /** The allocator's call that was found: "tcmalloc", "glibc" or "none". */
    public static String allocator() {
        return RELEASE.allocator();
    }

    /** Returns the allocator's free pages to the system; never throws. */
    public static void releaseFreeMemory() {
        if (RELEASE.function() == null) {
            return;
        }
        try {
            if (RELEASE.takesPad()) {
                RELEASE.function().invokeInt(new Object[] {0L});
            } else {
                RELEASE.function().invokeVoid(new Object[0]);
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("could not release the allocator's free memory: {}", e.toString());
        }
    }

    private record Release(String allocator, Function function, boolean takesPad) {}

    private static Release find() {
        if (!Platform.isLinux()) {
            return new Release("none", null, false);
        }
        try {
            NativeLibrary process = NativeLibrary.getProcess();
            Function tcmalloc = lookup(process, "MallocExtension_ReleaseFreeMemory");
            if (tcmalloc != null) {
                return new Release("tcmalloc", tcmalloc, false);
            }
            Function trim = lookup(process, "malloc_trim");
            return trim != null ? new Release("glibc", trim, true) : new Release("none", null, false);
        } catch (RuntimeException | LinkageError e) {
            log.debug("no native allocator to call: {}", e.toString());
            return new Release("none", null, false);
        }
    }

    private static Function lookup(NativeLibrary library, String name) {
        try {
            return library.getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
