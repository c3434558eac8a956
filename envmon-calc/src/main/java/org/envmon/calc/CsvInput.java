package org.envmon.calc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** The input of a calc command: the CSV file given, else stdin. */
public class CsvInput {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Input CSV (default: stdin).")
    Path file;

    /** Replaceable for tests. */
    InputStream stdin = System.in;

    /** Opens the input for {@code command}, writing to the command line's streams. */
    CsvCalc open(CommandSpec spec, String command) throws IOException {
        return CsvCalc.open(spec, command, file, stdin);
    }
}
