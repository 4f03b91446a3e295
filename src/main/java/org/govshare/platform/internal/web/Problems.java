package org.govshare.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.govshare.platform.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds RFC 9457 problems with a stable {@code code}, the request id, and title/detail in the
 * caller's language.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://govshare.org/problems/";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpServletRequest request, HttpStatus status, String code, String field,
                            String messageKey, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
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

    public String message(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
