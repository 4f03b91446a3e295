package org.govshare.dataset.internal.load;

import java.io.IOException;

/**
 * A source that cannot be read on. {@code code} is the stable rule code shown to the user (e.g.
 * {@code encoding-invalid}, {@code xlsx-bomb}, {@code source-unreachable}), {@code args} the
 * message arguments of {@code dataset.rejection.<code>}; {@code row} the row it happened at, if known.
 */
public class SourceException extends IOException {

    private final String code;
    private final Long row;
    private final transient Object[] args;

    public SourceException(String code, Long row, String detail, Throwable cause, Object... args) {
        super(code + (detail == null ? "" : ": " + detail), cause);
        this.code = code;
        this.row = row;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Long row() {
        return row;
    }

    public Object[] args() {
        return args.clone();
    }
}
