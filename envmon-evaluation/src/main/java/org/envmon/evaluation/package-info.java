/**
 * Derived air and water evaluations: a pure library that the store-backed services ({@code air}, {@code water},
 * {@code derived}) call. No I/O, no SQL, no Spring; {@code envmon-model} is used for its types only.
 *
 * <h2>Air</h2>
 * <ol>
 *   <li>The service reads a station's hourly values (interval = HOUR, statistic = VALUE, effectively valid) into a
 *       {@link org.envmon.evaluation.StationHourSeries} on an {@link org.envmon.evaluation.HourGrid} of whole
 *       Beijing-time days (values stored at the interval start; CNEMC labels are the end).</li>
 *   <li>{@link org.envmon.evaluation.AirEvaluator#hourly} → {@link org.envmon.evaluation.StationHourly}: real-time
 *       AQI, primary pollutants, O3 8-h and 24-h moving means; {@link org.envmon.evaluation.AirEvaluator#daily} →
 *       {@link org.envmon.evaluation.StationDaily}: 24-h means, O3 daily max 8-h/1-h, validity, daily AQI.</li>
 *   <li>{@link org.envmon.evaluation.AirEvaluator#cityMean} → a city series (mean concentrations of the valid
 *       non-control stations each hour), evaluated by the same two calls.</li>
 *   <li>{@link org.envmon.evaluation.AirEvaluator#period} → HJ 663 period evaluation with composite index;
 *       {@link org.envmon.evaluation.AirRanking} ranks cities by composite, PM2.5 or good days, with the change vs
 *       the same period of the previous year.</li>
 * </ol>
 * The bulk path is exact integer arithmetic on milli units (the standards library's {@code FastAqi} /
 * {@code FastAnnualEvaluation}); {@link org.envmon.evaluation.AirEvaluator#hourlyReport} and
 * {@link org.envmon.evaluation.AirEvaluator#dailyReport} give the full report of one hour or day through the exact
 * {@code AirQualityIndex} reference, for the API. Every decision where the standards are silent is documented on
 * {@link org.envmon.evaluation.AirEvaluator}.
 *
 * <h2>Water</h2>
 * {@link org.envmon.evaluation.WaterEvaluator}: monthly section class from the monthly means, basin/province
 * evaluation, CWQI city ranking.
 *
 * <h2>Incremental recomputation</h2>
 * {@link org.envmon.evaluation.Recompute#affected}: from changed (site, parameter, hour) keys, the station and city
 * hours and days, water months and rankings to recompute, and the input window to read;
 * {@code AirEvaluator.hourly(series, from, to, into)} and {@code daily(series, fromDay, toDay, into)} recompute just
 * those ranges.
 */
package org.envmon.evaluation;
