package org.envmon.calc;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being implemented. */
@Command(name = "aqi", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public class CalcAqiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("calc aqi: not implemented yet");
        return 2;
    }
}
