package org.govshare.dataset.internal;

import java.math.BigDecimal;
import java.util.List;
import org.govshare.dataset.RecordCondition;

/**
 * One condition as SQL over {@code data}: the item's code name is inlined (a checked identifier,
 * so an expression index on {@code data->>'item'} can serve it), every value is a parameter.
 * Text compares in code point order ({@code collate "C"}), numbers as numeric.
 */
final class SqlConditions {

    private SqlConditions() {
    }

    static String of(RecordCondition c, List<Object> params) {
        String text = "(data->>'" + c.item() + "')";
        String value = c.numeric() ? text + "::numeric" : text + " collate \"C\"";
        String param = c.numeric() ? "?::numeric" : "?";
        List<String> v = c.values();
        switch (c.op()) {
            case EQ -> {
                params.add(arg(v.get(0), c.numeric()));
                return value + " = " + param;
            }
            case IN -> {
                params.add(c.numeric() ? v.stream().map(String::strip).toArray(String[]::new) : v.toArray(String[]::new));
                return value + " = any(?::" + (c.numeric() ? "numeric" : "text") + "[])";
            }
            case PREFIX -> {
                params.add(v.get(0));
                return "starts_with(" + text + ", ?)";
            }
            case RANGE -> {
                StringBuilder sb = new StringBuilder("(");
                String glue = "";
                if (!v.get(0).isBlank()) {
                    params.add(arg(v.get(0), c.numeric()));
                    sb.append(value).append(" >= ").append(param);
                    glue = " and ";
                }
                if (!v.get(1).isBlank()) {
                    params.add(arg(v.get(1), c.numeric()));
                    sb.append(glue).append(value).append(" <= ").append(param);
                }
                return sb.append(')').toString();
            }
            default -> throw new IllegalArgumentException(c.op().name());
        }
    }

    private static Object arg(String v, boolean numeric) {
        return numeric ? new BigDecimal(v.strip()).toPlainString() : v;
    }
}
