package org.envmon.calc;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being implemented. */
@Command(name = "water", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public class CalcWaterCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("calc water: not implemented yet");
        return 2;
    }
}
