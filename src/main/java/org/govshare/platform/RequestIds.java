package org.govshare.platform;

import org.slf4j.MDC;

/** The id of the request being served, as logged and as written into audit entries. */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
