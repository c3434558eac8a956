/**
 * Publishable evaluation tables: the monthly and annual tables a monitoring centre publishes,
 * built from evaluation results and rendered to xlsx, CSV or PDF. Pure: no store access, no Spring; the caller
 * (CLI {@code envmon report}, API download) reads the store, runs the evaluation and passes the results.
 *
 * <h2>Model</h2>
 * {@link org.envmon.reports.Report} (title, subtitle with period and standards, generation time, notes) of
 * {@link org.envmon.reports.Table}s ({@link org.envmon.reports.Column}s with Chinese headings and units, rows of typed
 * {@link org.envmon.reports.Cell}s: text, integer, decimal at the reporting precision, percentage, missing). Cells
 * never round: a value that would need rounding to its precision is rejected, so what is printed is exactly what the
 * evaluation reported.
 *
 * <h2>Builders</h2>
 * {@link org.envmon.reports.AirReports#cityReport} (tables {@code stations}, {@code city}, {@code overview},
 * {@code daily}, {@code ranking}); {@link org.envmon.reports.WaterReports#monthReport} ({@code sections},
 * {@code basins}, {@code provinces}, {@code cwqi}). {@link org.envmon.reports.Report#select} keeps some tables
 * ({@code --table}).
 *
 * <h2>Renderers</h2>
 * {@link org.envmon.reports.ReportFormat#renderer()}: {@link org.envmon.reports.XlsxRenderer} (Apache POI),
 * {@link org.envmon.reports.CsvRenderer} (commons-csv, UTF-8 with BOM; one table = a plain table, several = sections),
 * {@link org.envmon.reports.PdfRenderer} (OpenPDF, A4 landscape, CJK font from {@link org.envmon.reports.CjkFont},
 * embedded as a subset).
 */
package org.envmon.reports;
