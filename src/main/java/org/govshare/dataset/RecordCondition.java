package org.govshare.dataset;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One condition on a data item's stored value. EQ and PREFIX take one value, IN one or more,
 * RANGE two (from, to; inclusive; a blank bound is open). {@code numeric} compares as numbers
 * (INTEGER and DECIMAL items), otherwise as text in code point order (ISO dates sort right).
 * Values must already be valid for the item: a number that is not one is refused here.
 */
public record RecordCondition(String item, Op op, List<String> values, boolean numeric) {

    private static final Pattern CODE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public enum Op { EQ, IN, PREFIX, RANGE }

    public RecordCondition {
        if (item == null || !CODE_NAME.matcher(item).matches()) {
            throw new IllegalArgumentException("not a data item code name: " + item);
        }
        values = values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
        int n = values.size();
        boolean arity = switch (op) {
            case EQ, PREFIX -> n == 1;
            case IN -> n >= 1;
            case RANGE -> n == 2 && !(values.get(0).isBlank() && values.get(1).isBlank());
        };
        if (!arity) {
            throw new IllegalArgumentException(op + " on " + item + " cannot take " + n + " values");
        }
        if (numeric && op == Op.PREFIX) {
            throw new IllegalArgumentException("PREFIX on a number: " + item);
        }
        if (numeric) {
            for (String v : values) {
                if (!v.isBlank()) {
                    new java.math.BigDecimal(v.strip());
                }
            }
        }
    }
}
