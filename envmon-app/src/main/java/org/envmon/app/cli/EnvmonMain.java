package org.envmon.app.cli;

import org.envmon.calc.CalcCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code envmon} command line. Each subcommand prints its own --help. */
@Command(name = "envmon", mixinStandardHelpOptions = true, version = "EnvMon 0.1.0",
        description = "EnvMon: ecological-environment monitoring data platform.",
        subcommands = {ServeCommand.class, DemoCommand.class, SitesCommand.class, ImportCommand.class,
                SimulateCommand.class, VerifyCommand.class, ReportCommand.class, CalcCommand.class,
                RecomputeCommand.class, UsersCommand.class, TokensCommand.class})
public class EnvmonMain implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new EnvmonMain()).execute(args);
        if (code != 0 || !keepsRunning(args)) {
            System.exit(code);
        }
    }

    /** Commands that start servers return from execute() while the server threads keep the JVM alive. */
    private static boolean keepsRunning(String[] args) {
        return args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
