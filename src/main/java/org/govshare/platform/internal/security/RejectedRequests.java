package org.govshare.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govshare.platform.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What the firewall refuses (control characters in a header, e.g. raw UTF-8 bytes that the server
 * reads as ISO-8859-1; an encoded slash in a path) is the caller's mistake: 400 problem+json saying
 * so, not the 500 it would otherwise become.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private final Problems problems;

    RejectedRequests(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(request, response, problems.of(request, HttpStatus.BAD_REQUEST, "request-rejected", null,
            "problem.request-rejected"));
    }
}
