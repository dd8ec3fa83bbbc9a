package io.tasklog.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the API as an RFC 7807 problem with a message a person can act on; nothing
 * unexpected leaks a stack trace (it is logged instead, with the problem's id to correlate).
 *
 * <p>This is the one place that turns errors into problems. Tasklog's own exceptions say which problem they are
 * (they are Spring {@link ErrorResponseException}s: status, title, detail, headers such as {@code Retry-After}), so
 * they are rendered here without a mapping each; what is mapped here is other libraries' exceptions (Axon's, the
 * web layer's) and the generic cases.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(e));
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that breaks a declared limit (e.g. too many tags): name the field and the limit. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String detail = errors.isEmpty() ? "the body breaks a limit of this API"
                : errors.stream().map(error -> error.getField() + ": " + error.getDefaultMessage())
                        .sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).getField());
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Problems are JSON whatever the request accepted (e.g. a refused {@code text/event-stream}). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail taskNotFound(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such task");
        problem.setTitle("Task not found");
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The task changed since version " + e.getExpectedVersion() + "; it is now at version "
                        + e.getActualVersion() + ". Reload it and try again.");
        problem.setTitle("Task changed elsewhere");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidParameter(e.getName(), e.getValue(), e.getRequiredType());
    }

    /** A parameter whose value is not of its type; also what the MCP tools answer for such an argument. */
    public static ProblemDetail invalidParameter(String name, Object value, Class<?> requiredType) {
        String expected = requiredType == null ? "another type" : describe(requiredType);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + name + "' must be " + expected + ", not '" + value + "'");
        problem.setTitle("Invalid parameter");
        return problem;
    }

    /** Tasklog's own code throws IllegalArgumentException only for input it cannot accept (limits, cursors, ...). */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidInput(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    /** Query results are awaited with join(): judge the query handler's own exception, not the wrapper. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<Object> awaited(CompletionException e, WebRequest request) {
        if (e.getCause() instanceof ErrorResponseException problem) {
            return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
        }
        ProblemDetail problem = e.getCause() instanceof IllegalArgumentException invalid ? invalidInput(invalid) : unexpected(e);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        String id = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {}", id, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side (error id " + id + ").");
        problem.setTitle("Internal error");
        return problem;
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return path(invalid) + "'" + invalid.getValue() + "' is not " + describe(invalid.getTargetType());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + "has the wrong type";
        }
        return "the body is not valid JSON of the expected shape";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-31T09:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }
}
