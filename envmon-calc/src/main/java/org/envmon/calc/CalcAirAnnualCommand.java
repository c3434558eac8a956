package org.envmon.calc;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being implemented. */
@Command(name = "air-annual", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public class CalcAirAnnualCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("calc air-annual: not implemented yet");
        return 2;
    }
}
