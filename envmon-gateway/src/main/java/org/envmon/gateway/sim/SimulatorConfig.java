package org.envmon.gateway.sim;

import java.time.Duration;

/**
 * What the station simulator does.
 *
 * @param stations  number of connections, one station each; station i has MN = {@code mnPrefix} + i, zero-padded to
 *                  24 characters (HJ 212-2017 §6.3.2)
 * @param interval  time between two packets of one station
 * @param duration  how long to send; then the simulator waits up to {@code answerTimeout} for the last answers
 * @param cn        2011 real-time, 2051 minute, 2061 hourly data
 * @param stuckStations how many of the stations (the last ones) have a stuck PM2.5 analyser: they report one
 *                  constant value, which the QC constant-value rule flags (the demo's review-queue item)
 */
public record SimulatorConfig(String host, int port, int stations, Duration interval, Duration duration, String cn,
                              String mnPrefix, String password, Duration answerTimeout, int stuckStations) {

    public SimulatorConfig(String host, int port, int stations, Duration interval, Duration duration, String cn,
                           String mnPrefix, String password, Duration answerTimeout) {
        this(host, port, stations, interval, duration, cn, mnPrefix, password, answerTimeout, 0);
    }

    public boolean stuck(int station) {
        return station >= stations - stuckStations;
    }

    public String mn(int station) {
        String n = Integer.toString(station + 1);
        StringBuilder b = new StringBuilder(mnPrefix);
        while (b.length() + n.length() < 24) {
            b.append('0');
        }
        return b.append(n).toString();
    }
}
