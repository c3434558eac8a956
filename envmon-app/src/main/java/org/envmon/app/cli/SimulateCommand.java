package org.envmon.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.envmon.gateway.sim.SimulatorConfig;
import org.envmon.gateway.sim.SimulatorReport;
import org.envmon.gateway.sim.StationSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envmon simulate}: a fleet of HJ 212 stations against any server. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate HJ 212-2017 air stations: N connections send data packets with the A flag set,",
                "wait for the answers, and report sent / answered / failed and the answer latency.",
                "Station i uses MN = <mn-prefix> + i zero-padded to 24 characters; register them first "
                        + "(envmon demo registers SIM...0001 to SIM...0020).",
                "Refusals (9011) are counted by QnRtn (unknown MN, wrong password, ...), failures by cause (no answer"
                        + " in time, connection lost). Exit 0: every packet answered 9014; 1: refusals or failures;"
                        + " 4: no station could connect."})
public class SimulateCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--host", defaultValue = "127.0.0.1") String host;
    @Option(names = "--port", defaultValue = "9212") int port;
    @Option(names = "--stations", defaultValue = "10") int stations;
    @Option(names = "--interval-ms", defaultValue = "1000") long intervalMs;
    @Option(names = "--duration-s", defaultValue = "10") long durationS;
    @Option(names = "--cn", defaultValue = "2011", description = "2011 real-time, 2051 minute or 2061 hourly data")
    String cn;
    @Option(names = "--mn-prefix", defaultValue = "SIM") String mnPrefix;
    @Option(names = "--password", defaultValue = "123456") String password;
    @Option(names = "--answer-timeout-s", defaultValue = "10") long answerTimeoutS;

    @Override
    public Integer call() throws Exception {
        if (!cn.equals("2011") && !cn.equals("2051") && !cn.equals("2061")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cn must be 2011, 2051 or 2061");
        }
        SimulatorConfig config = new SimulatorConfig(host, port, stations, Duration.ofMillis(intervalMs),
                Duration.ofSeconds(durationS), cn, mnPrefix, password, Duration.ofSeconds(answerTimeoutS));
        SimulatorReport report = new StationSimulator(config).run();
        if (report.stations() > 0 && report.connectFailures() == report.stations()) {
            throw new CannotRun("cannot connect to " + host + ":" + port + " (no station could connect)");
        }
        System.out.println(report);
        System.out.println(report.reasons());
        return report.failed() == 0 && report.refused() == 0 ? ExitCode.OK : ExitCode.FOUND;
    }
}
