package org.govshare.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govshare.platform.ProblemException;
import org.govshare.platform.ViolationsException;
import org.govshare.platform.internal.security.ProblemAccessHandlers;
import org.slf4j.Logger;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal of the JSON API as problem+json: which field, which rule, in the caller's
 * language. Unknown failures are logged with the request id and answered without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Problems problems;
    private final ProblemAccessHandlers access;

    ApiProblemAdvice(Problems problems, ProblemAccessHandlers access) {
        this.problems = problems;
        this.access = access;
    }

    @ExceptionHandler(ViolationsException.class)
    ProblemDetail violations(ViolationsException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = e.violations().stream()
            .map(v -> Map.of("field", v.field(), "rule", v.code(),
                "message", problems.message("problem." + v.code(), locale, v.code(), v.args().toArray())))
            .toList();
        ProblemDetail problem = problems.of(request, e.status(), "validation-failed", e.field(),
            "problem.validation-failed", errors.get(0).get("message"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> domain(ProblemException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN && !e.isAudited()) {
            access.reportDenied(request, e.code());
        }
        ProblemDetail problem = problems.of(request, e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            String rule = fe.getCode() == null ? "invalid" : fe.getCode();
            errors.add(Map.of("field", fe.getField(), "rule", rule,
                "message", problems.message("validation." + rule, locale, fe.getDefaultMessage(), fe.getField())));
        }
        String first = errors.isEmpty() ? null : errors.get(0).get("field");
        ProblemDetail problem = problems.of(request, HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", first,
            "problem.validation-failed", errors.isEmpty() ? "" : errors.get(0).get("message"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof InvalidFormatException ife) {
            String path = pathOf(ife);
            return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-value", path, "problem.invalid-value",
                path, String.valueOf(ife.getValue()), allowed(ife.getTargetType()));
        }
        if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty() && mie.getTargetType() != null) {
            // e.g. a text where a list belongs: say which kind of value the field takes
            return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-value", pathOf(mie), "problem.value-kind",
                pathOf(mie), new DefaultMessageSourceResolvable("value-kind." + kindOf(mie.getTargetType())));
        }
        if (e.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-value", pathOf(de), "problem.invalid-value",
                pathOf(de), "?", "");
        }
        return problems.of(request, HttpStatus.BAD_REQUEST, "malformed-json", null, "problem.malformed-json");
    }

    private static String kindOf(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.util.UUID.class
            || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "text";
        }
        return "object";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-value", e.getName(), "problem.invalid-value",
            e.getName(), String.valueOf(e.getValue()), e.getRequiredType() == null ? "" : allowed(e.getRequiredType()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        if ("If-Match".equalsIgnoreCase(e.getHeaderName())) {
            return problems.of(request, HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match",
                "problem.if-match-required");
        }
        return problems.of(request, HttpStatus.BAD_REQUEST, "required", e.getHeaderName(), "problem.required",
            e.getHeaderName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problems.of(request, HttpStatus.BAD_REQUEST, "required", e.getParameterName(), "problem.required",
            e.getParameterName());
    }

    /** A header the firewall refuses when it is read (e.g. raw UTF-8 bytes in X-Purpose): the caller's mistake. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(HttpServletRequest request) {
        return problems.of(request, HttpStatus.BAD_REQUEST, "request-rejected", null, "problem.request-rejected");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        access.reportDenied(request, e.getMessage());
        return problems.of(request, HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(HttpServletRequest request) {
        return problems.of(request, HttpStatus.CONFLICT, "stale-version", "version", "problem.stale-version");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Integrity violation not caught by a domain check: {}", e.getMostSpecificCause().getMessage());
        return problems.of(request, HttpStatus.CONFLICT, "conflict", null, "problem.conflict");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpServletRequest request) {
        return problems.of(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, "problem.method-not-allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpServletRequest request) {
        return problems.of(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null,
            "problem.unsupported-media-type");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(HttpServletRequest request) {
        return problems.of(request, HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found", "", "");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "problem.internal-error");
    }

    private static String pathOf(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        return type == null ? "" : type.getSimpleName();
    }
}
