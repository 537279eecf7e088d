package umimegu.cli;

/** Process exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Some inputs failed (e.g. a file could not be read) but the command ran. */
    public static final int PARTIAL_FAILURE = 1;
    /** Bad usage, config or data folder: nothing was done. */
    public static final int USAGE = 2;
    /** A re-launched process whose launcher is gone ended itself (as a process ended by SIGTERM would). */
    public static final int LAUNCHER_GONE = 143;

    private ExitCodes() {}
}
