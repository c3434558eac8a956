package org.envmon.calc;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code calc} subcommands in-process with captured stdout/stderr. */
final class CalcTestSupport {
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result run(String stdin, String... args) {
        CalcCommand root = new CalcCommand();
        CommandLine cl = new CommandLine(root);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        byte[] in = stdin.getBytes(StandardCharsets.UTF_8);
        for (CommandLine sub : cl.getSubcommands().values()) {
            Object o = sub.getCommand();
            if (o instanceof CalcAqiCommand a) {
                a.input.stdin = new ByteArrayInputStream(in);
            } else if (o instanceof CalcAirAnnualCommand a) {
                a.input.stdin = new ByteArrayInputStream(in);
            } else if (o instanceof CalcWaterCommand a) {
                a.input.stdin = new ByteArrayInputStream(in);
            } else if (o instanceof CalcFlueGasCommand a) {
                a.input.stdin = new ByteArrayInputStream(in);
            }
        }
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private CalcTestSupport() {
    }
}
