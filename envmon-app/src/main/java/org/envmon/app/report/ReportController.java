package org.envmon.app.report;

import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.envmon.reports.Report;
import org.envmon.reports.ReportFormat;
import org.envmon.reports.ReportPeriod;
import org.envmon.model.InvalidRequest;
import org.envmon.model.NotFound;
import org.envmon.model.StoreException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published evaluation tables as downloadable files. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "Monthly/annual evaluation tables as xlsx, csv or pdf")
public class ReportController {
    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/air")
    @Operation(summary = "Air evaluation report of a city: stations, city statistics and compliance, daily AQI, "
            + "ranking (from and to are dates, inclusive)")
    public ResponseEntity<byte[]> air(@RequestParam String city,
                                      @Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
                                      @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to,
                                      @RequestParam(defaultValue = "xlsx") String format,
                                      @RequestParam(required = false) String table) {
        LocalDate d0 = date("from", from);
        LocalDate d1 = date("to", to);
        if (d1.isBefore(d0)) {
            throw new BadRequestException("'from' must not be after 'to'");
        }
        ReportFormat f = format(format);
        return file(build("the air report of " + city, () -> reports.air(city, d0, d1)), f, table,
                "air-" + city + "-" + new ReportPeriod(d0, d1).fileLabel());
    }

    @GetMapping("/water")
    @Operation(summary = "Surface-water report of a month: sections, basins, provinces, CWQI ranking")
    public ResponseEntity<byte[]> water(@RequestParam String month, @RequestParam(defaultValue = "xlsx") String format,
                                        @RequestParam(required = false) String table) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'month' must be YYYY-MM: " + month);
        }
        ReportFormat f = format(format);
        return file(build("the water report of " + m, () -> reports.water(m)), f, table, "water-" + m);
    }

    /**
     * Failures other than the request's own (400, 404, any Spring {@link ErrorResponse}) or the store's (503) become
     * a 500 problem with the reason.
     */
    private static Report build(String what, Supplier<Report> report) {
        try {
            return report.get();
        } catch (InvalidRequest | NotFound | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof ErrorResponse) {
                throw e;
            }
            throw new ReportFailedException(what + " could not be built: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static ReportFormat format(String format) {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static ResponseEntity<byte[]> file(Report report, ReportFormat format, String table, String name) {
        Report r = report;
        if (table != null && !table.isBlank()) {
            try {
                r = report.select(table.split(","));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        byte[] bytes = format.renderer().toBytes(r); // ReportRenderingException → 500 problem+json
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.extension(), StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "' is not a date (YYYY-MM-DD): " + value);
        }
    }
}
