package org.envmon.app.api;

import java.net.URI;
import java.util.stream.Stream;
import org.envmon.app.report.ReportFailedException;
import org.envmon.model.InvalidRequest;
import org.envmon.model.NotFound;
import org.envmon.model.ReviewRejectedException;
import org.envmon.model.StoreException;
import org.envmon.reports.ReportRenderingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is answered as RFC 9457 {@code application/problem+json}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The domain's "cannot answer as asked" (the services' and the API's own {@link BadRequestException}). */
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> badRequest(InvalidRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), "bad-request");
    }

    /** The domain's "does not exist" (the services' and the API's own {@link NotFoundException}). */
    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue(), "bad-request");
    }

    /** Bean Validation of a request body: each field that failed, with its limit. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("Invalid request body", e.getBindingResult().getFieldErrors().stream()
                .map(f -> named(f.getField(), f.getDefaultMessage())));
    }

    /** Bean Validation of a handler's parameters (query, path, header; or a body beside them): each one named. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("Invalid request", e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(error -> named(
                        error instanceof FieldError f ? f.getField() : parameterName(r.getMethodParameter()),
                        error.getDefaultMessage()))));
    }

    private static String named(String field, String message) {
        return "'" + field + "' " + message;
    }

    /** The name the request uses: a {@code @RequestParam}'s or {@code @PathVariable}'s own, else the Java name. */
    private static String parameterName(MethodParameter p) {
        RequestParam param = p.getParameterAnnotation(RequestParam.class);
        PathVariable path = p.getParameterAnnotation(PathVariable.class);
        String declared = param != null ? either(param.name(), param.value())
                : path != null ? either(path.name(), path.value()) : "";
        return declared.isEmpty() ? p.getParameterName() : declared;
    }

    /** An annotation's name as given, under either of its two aliases. */
    private static String either(String name, String value) {
        return name.isEmpty() ? value : name;
    }

    /** 400 problem+json listing every field that failed, sorted, as "'field' message; ...". */
    private static ResponseEntity<Object> invalid(String title, Stream<String> errors) {
        String detail = errors.sorted().reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, title, detail, "bad-request").getBody());
    }

    @ExceptionHandler(ReviewRejectedException.class)
    ResponseEntity<ProblemDetail> reviewRejected(ReviewRejectedException e) {
        return switch (e.reason()) {
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "Invalid review", e.getMessage(), "review-invalid");
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Nothing to review", e.getMessage(), "review-not-found");
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Review overlaps an earlier one", e.getMessage(),
                    "review-conflict");
        };
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> store(StoreException e) {
        log.warn("store error", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", e.getMessage(), "store-unavailable");
    }

    /** A report that could not be built or rendered (e.g. the PDF font failed to load): the reason, not a bare 500. */
    @ExceptionHandler({ReportFailedException.class, ReportRenderingException.class})
    ResponseEntity<ProblemDetail> reportFailed(RuntimeException e) {
        log.error("report failed: {}", e.getMessage(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Report failed", e.getMessage(), "report-failed");
    }

    /** An RFC 9457 answer whose type is {@code https://envmon.org/problems/<type>}. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://envmon.org/problems/" + type));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
