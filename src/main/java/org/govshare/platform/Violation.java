package org.govshare.platform;

import java.util.List;

/** One broken rule: which field (a path such as {@code dataItems[3].length}), which rule, its arguments. */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }
}
