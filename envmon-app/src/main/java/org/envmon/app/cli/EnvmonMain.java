package org.envmon.app.cli;

import org.envmon.calc.CalcCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code envmon} command line. Each subcommand prints its own --help; every one fails with one line on stderr
 * and an {@link ExitCode}.
 */
@Command(name = "envmon", mixinStandardHelpOptions = true, version = "EnvMon 0.1.0",
        description = "EnvMon: ecological-environment monitoring data platform.",
        subcommands = {ServeCommand.class, DemoCommand.class, SitesCommand.class, ImportCommand.class,
                SimulateCommand.class, VerifyCommand.class, ReportCommand.class, CalcCommand.class,
                RecomputeCommand.class, UsersCommand.class, TokensCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (verify: intact)", "1:found something wrong: tampered records (verify), skipped"
                + " rows (import), refused packets (simulate)", "2:usage error (calc: bad input cells)",
                "3:verify: nothing chained to verify", "4:could not run (no store, store in use, unreachable)"})
public class EnvmonMain implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace after the one-line error.")
    boolean verbose;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !keepsRunning(args)) {
            System.exit(code);
        }
    }

    /** The command line with its failure handling: one line per error, the stack trace with --verbose. */
    public static CommandLine commandLine() {
        return Failures.install(new CommandLine(new EnvmonMain()));
    }

    /** Commands that start servers return from execute() while the server threads keep the JVM alive. */
    private static boolean keepsRunning(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("serve") || a.equals("demo");
            }
        }
        return false;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
