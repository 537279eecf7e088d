package umimegu.common;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;

/**
 * A process named so that another process can tell whether it still runs: {@code pid@host/start},
 * the start being the process's start in epoch milliseconds (a process id can be used again by a
 * later process). Written into shared locks and unfinished model folders, so that what a killed
 * process left is taken over at once.
 */
public final class ProcessIdentity {
    private ProcessIdentity() {}

    /** This process. */
    public static String current() {
        String start = ProcessHandle.current()
                .info()
                .startInstant()
                .map(i -> String.valueOf(i.toEpochMilli()))
                .orElse("?");
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + start;
    }

    /**
     * True when {@code holder} (a {@link #current} identity, anything may follow it after a
     * {@code /}) names a process of this machine (same host name) that no longer runs, or whose id
     * now belongs to a process started at another time. One of another machine, or written in
     * another form, is never judged gone here.
     */
    public static boolean isGoneFromThisMachine(String holder) {
        if (holder == null) {
            return false;
        }
        int at = holder.indexOf('@');
        int slash = holder.indexOf('/', Math.max(at, 0));
        if (at <= 0 || slash < 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(holder.substring(0, at));
        } catch (NumberFormatException e) {
            return false;
        }
        String host = holder.substring(at + 1, slash);
        String ours = ManagementFactory.getRuntimeMXBean().getName();
        if (!host.equals(ours.substring(ours.indexOf('@') + 1))) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        String[] rest = holder.substring(slash + 1).split("/", -1);
        if (rest[0].isEmpty() || rest[0].equals("?")) {
            return false; // no start time written: the process id alone cannot tell
        }
        Optional<Instant> started = process.get().info().startInstant();
        try {
            return started.isPresent() && started.get().toEpochMilli() != Long.parseLong(rest[0]);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
