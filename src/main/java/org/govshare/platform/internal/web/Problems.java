package org.govshare.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.net.URI;
import java.util.Locale;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems with a stable {@code code}, the request id, and title/detail in the
 * caller's language. The language comes from the platform's locale resolver itself, not from the
 * one Spring MVC puts on the request: filters answer before MVC is reached, and the servlet
 * container's own choice for a caller that names no language is the JVM's, not Chinese.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://govshare.org/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();

    Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public ProblemDetail of(HttpServletRequest request, HttpStatus status, String code, String field,
                            String messageKey, Object... args) {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(message("problem.title." + status.value(), locale, status.getReasonPhrase()));
        problem.setDetail(message(messageKey, locale, code, args));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** The problem a {@link ProblemException} describes, with its extra members. */
    public ProblemDetail of(HttpServletRequest request, ProblemException e) {
        ProblemDetail problem = of(request, e.status(), e.code(), e.field(), e.messageKey(), e.args());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Writes a problem straight to the response, for filters that answer before MVC is reached. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = body(request, problem);
        prepare(response, problem);
        response.getOutputStream().write(body);
    }

    /** Status and content type of a problem answer, and Retry-After if the problem says when. */
    void prepare(HttpServletResponse response, ProblemDetail problem) {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (problem.getProperties() != null && problem.getProperties().get("retryAfterSeconds") instanceof Number seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
    }

    /** The problem as the JSON body {@link #write} sends. */
    byte[] body(HttpServletRequest request, ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsBytes(body);
    }

    public String message(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
