package org.govshare.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.AntPathMatcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON commands are small; a declared body above the limit is refused with 413 before anyone
 * reads it. Files travel as multipart uploads with their own limits, not through here. A few
 * paths that carry data in bulk (pushed record batches) get a larger limit of their own from
 * {@code govshare.api.json-limits} (Ant path pattern → bytes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final long maxBytes;
    private final Map<String, Long> pathLimits;
    private final AntPathMatcher paths = new AntPathMatcher();

    JsonBodyLimitFilter(Problems problems, @Value("${govshare.api.max-json-bytes:1048576}") long maxBytes,
                        Environment env) {
        this.problems = problems;
        this.maxBytes = maxBytes;
        this.pathLimits = new LinkedHashMap<>(Binder.get(env)
            .bind("govshare.api.json-limits", Bindable.mapOf(String.class, Long.class)).orElse(Map.of()));
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Map.Entry<String, Long> e : pathLimits.entrySet()) {
            if (paths.match(e.getKey(), path)) {
                return e.getValue();
            }
        }
        return maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase().contains("json") ? limitFor(request) : Long.MAX_VALUE;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, problems.of(request, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                null, "problem.payload-too-large", limit));
            return;
        }
        chain.doFilter(request, response);
    }
}
