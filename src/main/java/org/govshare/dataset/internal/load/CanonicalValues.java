package org.govshare.dataset.internal.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Canonical text and JSON of record values: numbers plain, dates ISO-8601, date-times with
 * seconds, booleans true/false, binary base64. Records are stored as JSON objects keyed by item
 * code name in catalog order, empty values left out.
 */
public final class CanonicalValues {

    private CanonicalValues() {
    }

    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        }
        if (v instanceof LocalDateTime t) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        if (v instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Float f) {
            return new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** The record as a JSON object (for the few rows written outside COPY and for tests). */
    public static String json(List<String> items, Object[] values) {
        StringBuilder sb = new StringBuilder(64 + values.length * 16);
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, items.get(i));
            sb.append(':');
            Object v = values[i];
            if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                sb.append(v);
            } else if (v instanceof BigDecimal d) {
                sb.append(d.toPlainString());
            } else if (v instanceof Boolean b) {
                sb.append(b ? "true" : "false");
            } else {
                string(sb, text(v));
            }
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0 -> sb.append('\uFFFD');
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
