package org.envmon.evaluation;

import java.util.SplittableRandom;

/** Synthetic hourly series for tests: diurnal shapes, gaps, realistic ranges (one or three decimals). */
final class Synthetic {

    private Synthetic() {
    }

    static StationHourSeries station(String code, String city, boolean control, HourGrid grid, long seed,
            double gapRate) {
        SplittableRandom r = new SplittableRandom(seed);
        StationHourSeries.Builder b = StationHourSeries.builder(code, city, control, grid);
        double level = 0.5 + r.nextDouble() * 1.5;
        for (int i = 0; i < grid.hours(); i++) {
            int hod = i % 24;
            double diurnal = Math.sin((hod - 8) / 24.0 * 2 * Math.PI);
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                if (r.nextDouble() < gapRate) {
                    continue;
                }
                double v = switch (p) {
                    case AirPollutants.SO2 -> 3 + 12 * level * r.nextDouble();
                    case AirPollutants.NO2 -> 20 + 40 * level * r.nextDouble() - 10 * diurnal;
                    case AirPollutants.PM10 -> 40 + 120 * level * r.nextDouble();
                    case AirPollutants.PM25 -> 15 + 90 * level * r.nextDouble();
                    case AirPollutants.CO -> 0.3 + 1.5 * level * r.nextDouble();
                    default -> Math.max(1, 80 + 90 * diurnal + 60 * level * r.nextDouble());
                };
                // integers for µg/m³ most of the time, sometimes one decimal; CO three decimals
                long milli = p == AirPollutants.CO ? Math.round(v * 1000)
                        : (r.nextInt(4) == 0 ? Math.round(v * 10) * 100 : Math.round(v) * 1000);
                b.put(p, i, milli);
            }
        }
        return b.build();
    }
}
