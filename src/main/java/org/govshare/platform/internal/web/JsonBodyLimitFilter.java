package org.govshare.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON commands are small; a declared body above the limit is refused with 413 before anyone
 * reads it. Files travel as multipart uploads with their own limits, not through here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final long maxBytes;

    JsonBodyLimitFilter(Problems problems, @Value("${govshare.api.max-json-bytes:1048576}") long maxBytes) {
        this.problems = problems;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, problems.of(request, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                null, "problem.payload-too-large", maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
