package org.govshare.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govshare.platform.internal.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * The data service's 401: the platform's problem+json ({@code unauthenticated}) with the RFC 6750 §3
 * challenge a bearer client expects, naming the error when a token was sent and refused. Spring's own
 * entry point would write no body and advertise protected resource metadata this service does not serve.
 */
@Component
class BearerProblemEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "govshare-data";

    private final Problems problems;
    private final ProblemAccessHandlers handlers;

    BearerProblemEntryPoint(Problems problems, ProblemAccessHandlers handlers) {
        this.problems = problems;
        this.handlers = handlers;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!(e instanceof OAuth2AuthenticationException refused)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            handlers.commence(request, response, e);
            return;
        }
        OAuth2Error error = refused.getError();
        StringBuilder challenge = new StringBuilder("Bearer realm=\"" + REALM + "\", error=\"")
            .append(quotable(error.getErrorCode())).append('"');
        if (error.getDescription() != null) {
            challenge.append(", error_description=\"").append(quotable(error.getDescription())).append('"');
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
        problems.write(request, response, problems.of(request, HttpStatus.UNAUTHORIZED, "unauthenticated", null,
            "problem.bearer-token-invalid"));
    }

    /** RFC 6750 §3: error values are printable ASCII without the quote and the backslash. */
    private static String quotable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().filter(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\').forEach(c -> out.append((char) c));
        return out.toString();
    }
}
