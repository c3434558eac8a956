package org.envmon.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.envmon.model.InvalidRequest;
import org.envmon.model.NotFound;
import org.envmon.model.StoreException;
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

    /**
     * The one line a user sees for a failure: the message of the outermost exception in the cause chain that speaks
     * to users (so a store error inside a Spring startup failure is what is shown), else "internal error".
     */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = userMessage(t);
            if (m != null) {
                return m;
            }
        }
        return "internal error: " + oneLine(e.toString()) + " (run with --verbose for the stack trace)";
    }

    private static String userMessage(Throwable t) {
        if (t instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        boolean forUsers = t instanceof CannotRun || t instanceof StoreException || t instanceof IOException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof InvalidRequest || t instanceof NotFound
                || t.getClass().getSimpleName().equals("PortInUseException");
        return forUsers && t.getMessage() != null ? oneLine(t.getMessage()) : null;
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
