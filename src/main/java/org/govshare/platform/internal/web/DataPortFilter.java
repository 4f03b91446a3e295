package org.govshare.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govshare.platform.DataServicePaths;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the data service's port, only the data service answers: the console, its APIs and the public
 * pages are 404 there, so that the port can be opened to client systems' networks alone.
 */
class DataPortFilter extends OncePerRequestFilter {

    private final DataServiceConnector connector;
    private final Problems problems;

    DataPortFilter(DataServiceConnector connector, Problems problems) {
        this.connector = connector;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (connector.isDataPort(request.getLocalPort()) && !DataServicePaths.matches(request)) {
            problems.write(request, response, problems.of(request, HttpStatus.NOT_FOUND, "data-port-only", null,
                "problem.data-port-only", DataServicePaths.PREFIX));
            return;
        }
        chain.doFilter(request, response);
    }
}
