package umimegu.vision;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches what native code prints on the process's standard error while it works on one picture.
 *
 * <p>libjpeg, inside OpenCV's JPEG decoder, prints warnings such as "Corrupt JPEG data: premature
 * end of data segment" straight to file descriptor 2, with no hook OpenCV exposes; the user then
 * cannot tell which picture it was about. For the duration of one decode, descriptor 2 points at
 * an anonymous file; afterwards it is put back, and the lines that native code wrote are returned
 * so they can be logged with the picture's name. Lines other threads wrote to standard error in
 * that window are passed on unchanged. Decodes through here are serialized (fd 2 is process-wide).
 * Without a C library to call (not Linux), the work runs uncaptured.
 */
final class NativeStderrCapture {
    private static final Logger log = LoggerFactory.getLogger(NativeStderrCapture.class);
    private static final int STDERR = 2;
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int MAX_KEPT = 64 * 1024;

    /** The libc calls used; JNA binds them by name. */
    interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int memfd_create(String name, int flags);

        long lseek(int fd, long offset, int whence);

        int ftruncate(int fd, long length);

        long pread(int fd, byte[] buffer, long count, long offset);

        long write(int fd, byte[] buffer, long count);
    }

    /** What the work returned, and the lines native code printed meanwhile. */
    record Captured<T>(T value, List<String> lines) {}

    private static final ReentrantLock lock = new ReentrantLock();
    /** Opened when the first picture is decoded (class initialisation); null where it cannot be. */
    private static final State STATE = open();

    private record State(LibC libc, int capture, int realStderr) {}

    private NativeStderrCapture() {}

    static <T> Captured<T> run(Supplier<T> work) {
        State s = STATE;
        if (s == null) {
            return new Captured<>(work.get(), List.of());
        }
        lock.lock();
        try {
            s.libc.ftruncate(s.capture, 0);
            s.libc.lseek(s.capture, 0, SEEK_SET);
            if (s.libc.dup2(s.capture, STDERR) < 0) {
                return new Captured<>(work.get(), List.of());
            }
            T value;
            try {
                value = work.get();
            } finally {
                s.libc.dup2(s.realStderr, STDERR);
            }
            return new Captured<>(value, printed(s));
        } finally {
            lock.unlock();
        }
    }

    /** Whether native standard error is being captured on this machine. */
    static boolean available() {
        return STATE != null;
    }

    private static List<String> printed(State s) {
        long length = s.libc.lseek(s.capture, 0, SEEK_CUR);
        if (length <= 0) {
            return List.of();
        }
        byte[] bytes = new byte[(int) Math.min(length, MAX_KEPT)];
        long read = s.libc.pread(s.capture, bytes, bytes.length, 0);
        if (read <= 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        StringBuilder others = new StringBuilder();
        for (String line : new String(bytes, 0, (int) read, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (DecoderMessages.isDecoderMessage(line)) {
                lines.add(line.strip());
            } else {
                others.append(line).append('\n'); // another thread's output: pass it on as it was
            }
        }
        if (others.length() > 0) {
            byte[] out = others.toString().getBytes(StandardCharsets.UTF_8);
            s.libc.write(STDERR, out, out.length);
        }
        return lines;
    }

    private static State open() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            LibC libc = (LibC) Native.loadLibrary(Platform.C_LIBRARY_NAME, LibC.class);
            int capture = libc.memfd_create("umimegu-native-stderr", 1 /* MFD_CLOEXEC */);
            int real = libc.dup(STDERR);
            if (capture < 0 || real < 0) {
                log.debug("native standard error not captured (memfd {}, dup {})", capture, real);
                return null;
            }
            return new State(libc, capture, real);
        } catch (LinkageError | RuntimeException e) {
            log.debug("native standard error not captured: {}", e.toString());
            return null;
        }
    }
}
