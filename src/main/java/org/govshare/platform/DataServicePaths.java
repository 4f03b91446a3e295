package org.govshare.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the data service lives in the URL space. The platform guards it before any module sees a
 * request (its own port, admission, a security chain of its own), and the exchange module routes
 * within it: both ask the same question here.
 */
public final class DataServicePaths {

    public static final String PREFIX = "/api/v1/data";

    private DataServicePaths() {
    }

    /** {@value #PREFIX} itself or anything below it; not {@code /api/v1/data-services}. */
    public static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int at = request.getContextPath().length();
        return uri.startsWith(PREFIX, at) && (uri.length() == at + PREFIX.length() || uri.charAt(at + PREFIX.length()) == '/');
    }
}
