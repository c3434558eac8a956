package org.envmon.app.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process holding an embedded store, as a running server does: opens the DuckDB file, prints "held", and
 * keeps it until its stdin closes. DuckDB locks the file per process, so the lock is seen only from another JVM.
 */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our stdin
            }
        }
    }

    /** Starts a holder of {@code file} in a child JVM and waits until it holds the file. */
    static Process hold(java.nio.file.Path file) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"held".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the holder process did not open " + file + ": " + line);
        }
        return p;
    }
}
