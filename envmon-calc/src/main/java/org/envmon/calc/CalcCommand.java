package org.envmon.calc;

import picocli.CommandLine.Command;

/** {@code envmon calc ...}: the standards as a CSV-in, CSV-out calculator for monitoring staff. */
@Command(name = "calc", mixinStandardHelpOptions = true,
        description = "Compute indices and classes from CSV (stdin or a file) to CSV on stdout.",
        subcommands = {CalcAqiCommand.class, CalcAirAnnualCommand.class, CalcWaterCommand.class,
            CalcFlueGasCommand.class})
public class CalcCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
