package org.govshare.dataset.internal.validation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.govshare.dataset.internal.load.RowProblem;

/**
 * The checks of one load, compiled: per data item a parser for its type and a short array of
 * constraints, both chosen once by {@link DefaultRecordChecksFactory}, so checking a row is a loop
 * over arrays with no lookups by name and no allocation for a clean row beyond the values.
 */
final class CompiledRecordChecks implements RecordChecks {

    static final int MAX_VALUE_CHARS = 200;
    static final char KEY_SEPARATOR = '\u001f';

    private final List<String> items;
    private final List<String> keyItems;
    private final ItemCheck[] checks;
    private final int[] keyIndexes;

    CompiledRecordChecks(List<ItemCheck> checks) {
        this.checks = checks.toArray(ItemCheck[]::new);
        this.items = checks.stream().map(ItemCheck::codeName).toList();
        this.keyItems = checks.stream().filter(ItemCheck::key).map(ItemCheck::codeName).toList();
        this.keyIndexes = java.util.stream.IntStream.range(0, this.checks.length).filter(i -> this.checks[i].key())
            .toArray();
    }

    @Override
    public List<String> items() {
        return items;
    }

    @Override
    public List<String> keyItems() {
        return keyItems;
    }

    @Override
    public Checked check(long row, String[] values) {
        ItemCheck[] cs = checks;
        int n = cs.length;
        Object[] out = new Object[n];
        List<RowProblem> problems = null;
        for (int i = 0; i < n; i++) {
            ItemCheck c = cs[i];
            String raw = values != null && i < values.length ? values[i] : null;
            String text = raw == null ? null : raw.strip();
            if (text == null || text.isEmpty()) {
                if (c.required()) {
                    problems = add(problems, new RowProblem(row, c.codeName(), cut(raw), "required"));
                }
                continue;
            }
            Object value = c.parser().parse(text);
            if (value == null) {
                problems = add(problems, new RowProblem(row, c.codeName(), cut(raw), c.typeCode(), c.typeArgs()));
                continue;
            }
            out[i] = value;
            for (Constraint constraint : c.constraints()) {
                RowProblem p = constraint.test(row, c.codeName(), text, value);
                if (p != null) {
                    problems = add(problems, p);
                }
            }
        }
        return new Checked(out, problems == null ? List.of() : problems);
    }

    @Override
    public String key(Object[] canonical) {
        int[] idx = keyIndexes;
        if (idx.length == 1) {
            return keyText(canonical[idx[0]]);
        }
        StringBuilder b = new StringBuilder(64);
        for (int k = 0; k < idx.length; k++) {
            if (k > 0) {
                b.append(KEY_SEPARATOR);
            }
            b.append(keyText(canonical[idx[k]]));
        }
        return b.toString();
    }

    /** The canonical text of a value in a key: equal values give equal text (1.0 = 1.00, +08:00 instants in UTC). */
    static String keyText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return v.toString();
    }

    /** The value as the user wrote it, at most 200 characters (never splitting a surrogate pair). */
    static String cut(String raw) {
        if (raw == null || raw.length() <= MAX_VALUE_CHARS) {
            return raw;
        }
        int end = MAX_VALUE_CHARS;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }

    private static List<RowProblem> add(List<RowProblem> problems, RowProblem p) {
        List<RowProblem> list = problems == null ? new ArrayList<>(4) : problems;
        list.add(p);
        return list;
    }

    /** Turns trimmed, non-empty text into the canonical value of a type; null when the text is not of the type. */
    @FunctionalInterface
    interface Parser {
        Object parse(String text);
    }

    /** One rule on a parsed value; null when it holds. */
    @FunctionalInterface
    interface Constraint {
        RowProblem test(long row, String item, String text, Object value);
    }

    /** Everything checked for one data item, in catalog order. */
    record ItemCheck(String codeName, boolean key, boolean required, Parser parser, String typeCode,
                     Object[] typeArgs, Constraint[] constraints) {
    }
}
