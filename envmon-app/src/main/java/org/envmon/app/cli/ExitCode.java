package org.envmon.app.cli;

/** The exit codes of every {@code envmon} command (README, "Exit codes"). */
public final class ExitCode {
    /** Done; for verify: intact. */
    public static final int OK = 0;
    /** Done, and found something wrong in what it checked: tampered records, skipped rows, refused packets. */
    public static final int FOUND = 1;
    /** Usage error (unknown option, bad value) or, for calc, bad input cells. */
    public static final int USAGE = 2;
    /** verify: the store holds only data from before the hash chain; nothing to verify against. */
    public static final int NEVER_CHAINED = 3;
    /** Could not run: no store there, store locked by a running server, database or server unreachable, I/O. */
    public static final int CANNOT_RUN = 4;

    private ExitCode() {
    }
}
