package org.govshare.platform;

import java.util.Arrays;
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
