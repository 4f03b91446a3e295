package org.govshare.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: rendered as problem+json with a stable {@code code}, the
 * offending {@code field} if any, and a message in the caller's language (looked up by
 * {@code messageKey}). Throw it before writing anything, so a refusal never leaves half a change.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private boolean audited;

    public ProblemException(HttpStatus status, String code, String field, String messageKey, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")"));
        this.status = status;
        this.code = code;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public static ProblemException invalid(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, field, "problem." + code, args);
    }

    public static ProblemException conflict(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, field, "problem." + code, args);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found", what, id);
    }

    /** An extra member of the problem body, e.g. the application to apply under or a quota's reset time. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The thrower has already written this refusal to the audit log (the data service does, with the call's facts). */
    public ProblemException audited() {
        this.audited = true;
        return this;
    }

    public boolean isAudited() {
        return audited;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}
