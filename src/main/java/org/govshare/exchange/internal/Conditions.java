package org.govshare.exchange.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JVM's reading of a condition, the same as the SQL one (dataset's {@code SqlConditions}):
 * text in code point order, numbers as numbers, a missing value satisfies nothing, and so does a
 * comparison on a numeric item with a value or bound that is not a number.
 */
final class Conditions {

    private Conditions() {
    }

    static boolean holds(String op, List<String> values, String value, boolean numeric) {
        if (value == null) {
            return false;
        }
        if (numeric && !op.equals("PREFIX") && !readable(value, values)) {
            // a comparison that cannot be read as numbers holds for nothing: the scope fails closed
            return false;
        }
        return switch (op) {
            case "EQ" -> compare(value, values.get(0), numeric) == 0;
            case "IN" -> values.stream().anyMatch(v -> compare(value, v, numeric) == 0);
            case "PREFIX" -> value.startsWith(values.get(0));
            case "RANGE" -> (values.get(0).isBlank() || compare(value, values.get(0), numeric) >= 0)
                && (values.get(1).isBlank() || compare(value, values.get(1), numeric) <= 0);
            default -> false;
        };
    }

    /** Whether the value and every bound given (a blank one is open) are numbers. */
    static boolean readable(String value, List<String> values) {
        if (value != null && !isNumber(value)) {
            return false;
        }
        return values.stream().allMatch(v -> v.isBlank() || isNumber(v));
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int compare(String value, String bound, boolean numeric) {
        if (numeric) {
            try {
                return new BigDecimal(value.strip()).compareTo(new BigDecimal(bound.strip()));
            } catch (NumberFormatException e) {
                return value.equals(bound) ? 0 : 1;
            }
        }
        return codePointCompare(value, bound);
    }

    static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
