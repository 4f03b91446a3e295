package org.govshare.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.RequestIds;
import org.govshare.platform.SecurityEvents.AccessDenied;
import org.govshare.platform.internal.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers refusals detected by the security filters as problem+json (API) or the error page
 * (console), and reports every denial so it lands in the audit log.
 */
@Component
public class ProblemAccessHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final ApplicationEventPublisher events;

    ProblemAccessHandlers(Problems problems, ApplicationEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, problems.of(request, HttpStatus.UNAUTHORIZED, "unauthenticated", null,
            "problem.unauthenticated"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        reportDenied(request, e.getMessage());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            write(request, response, problems.of(request, HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden"));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** Publishes the denial for the audit log; called by filters and by the MVC exception advice. */
    public void reportDenied(HttpServletRequest request, String reason) {
        CurrentActor.find().ifPresent(actor -> events.publishEvent(new AccessDenied(actor, request.getMethod(),
            request.getRequestURI(), reason, RequestIds.current())));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problems.write(request, response, problem);
    }
}
