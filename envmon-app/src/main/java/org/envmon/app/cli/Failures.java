package org.envmon.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.envmon.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How every command fails: one line on stderr, {@code envmon <command>: <what went wrong>}, and an exit code from
 * {@link ExitCode}; the stack trace only with {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static CommandLine install(CommandLine cli) {
        Failures f = new Failures();
        return cli.setExecutionExceptionHandler(f).setParameterExceptionHandler(f);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.ParameterException pe) {
            return handleParseException(pe, new String[0]);
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.CANNOT_RUN;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    /** The one line a user sees for a failure. */
    static String message(Throwable e) {
        if (e instanceof CannotRun || e instanceof StoreException || e instanceof IllegalArgumentException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof IOException) {
            return oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (e instanceof java.io.UncheckedIOException u) {
            return message(u.getCause());
        }
        return "internal error: " + oneLine(e.toString()) + " (run with --verbose for the stack trace)";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** --verbose anywhere on the command line (it is inherited by every subcommand). */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
