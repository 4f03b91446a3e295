package org.govshare.catalog.internal.excel;

import java.util.List;

/**
 * A problem as stored with its job: where (sheet, Excel row, column letter and header), the value
 * found, the rule's code and the message key with its arguments, so the reason is rendered in the
 * reader's language when it is read. Enum arguments are stored as {@code §Type.NAME}.
 */
record Problem(String sheet, Integer row, String column, String header, String value, String code,
               String messageKey, List<String> args) {

    static final String ENUM_MARK = "§";

    static Problem file(String code, Object... args) {
        return new Problem(null, null, null, null, null, code, "excel.problem." + code, strings(args));
    }

    static List<String> strings(Object... args) {
        return java.util.Arrays.stream(args)
            .map(a -> a instanceof Enum<?> e ? ENUM_MARK + Labels.key(e) : String.valueOf(a))
            .toList();
    }
}
