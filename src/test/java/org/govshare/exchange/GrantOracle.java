package org.govshare.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.govshare.catalog.Sensitivity;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.RowFilter;

/**
 * What a grant lets a consumer see, written again from the documented rules (exchange.md,
 * REFERENCE.md masking types, sharing's Scopes) without the gateway's code, so the property tests
 * compare the gateway with an independent reading: text compares as PostgreSQL's collate "C" does
 * (unsigned UTF-8 bytes), numbers as numbers, a missing value satisfies no filter.
 */
public final class GrantOracle {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-\\d{2}-\\d{2}([T ].*)?");

    private GrantOracle() {
    }

    /** The mask a granted item is shown through: the grant's own, else its sensitivity's default. */
    public static Mask effective(Mask explicit, Sensitivity sensitivity) {
        if (explicit != null) {
            return explicit;
        }
        if (sensitivity == Sensitivity.RESTRICTED) {
            return Mask.of(MaskType.HASH);
        }
        if (sensitivity == Sensitivity.SENSITIVE) {
            return new Mask(MaskType.SHOW_LAST, 4);
        }
        return Mask.of(MaskType.NONE);
    }

    /** The text a masked value must show (null: nothing); {@code hash} stands for the keyed hash. */
    public static String masked(Mask mask, String raw, UnaryOperator<String> hash) {
        int[] cps = raw.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        switch (mask.type()) {
            case NONE:
                return raw;
            case NULLIFY:
                return null;
            case HASH:
                return hash.apply(raw);
            case DATE_YEAR_ONLY:
                var m = ISO_DATE.matcher(raw);
                return m.matches() ? m.group(1) : null;
            case MASK:
                for (int c : cps) {
                    out.appendCodePoint(Character.isDigit(c) ? '0' : Character.isLetter(c) ? 'x' : c);
                }
                return out.toString();
            case SHOW_FIRST:
            case SHOW_LAST:
                int n = mask.n();
                for (int i = 0; i < cps.length; i++) {
                    boolean visible = cps.length > n
                        && (mask.type() == MaskType.SHOW_FIRST ? i < n : i >= cps.length - n);
                    out.appendCodePoint(visible ? cps[i] : '*');
                }
                return out.toString();
            default:
                throw new IllegalArgumentException(mask.type().name());
        }
    }

    /**
     * Whether the mask hides anything of this value: then what is shown must differ from it (a
     * MASK of "x0" or a SHOW of "ab**" legitimately looks like the value).
     */
    public static boolean hidesSomething(Mask mask, String raw) {
        int[] cps = raw.codePoints().toArray();
        switch (mask.type()) {
            case NONE:
                return false;
            case MASK:
                return Arrays.stream(cps).anyMatch(c -> Character.isDigit(c) && c != '0' || Character.isLetter(c) && c != 'x');
            case SHOW_FIRST:
            case SHOW_LAST:
                int n = mask.n();
                for (int i = 0; i < cps.length; i++) {
                    boolean visible = cps.length > n
                        && (mask.type() == MaskType.SHOW_FIRST ? i < n : i >= cps.length - n);
                    if (!visible && cps[i] != '*') {
                        return true;
                    }
                }
                return false;
            default:
                return true;
        }
    }

    /** Every filter of the scope holds on the record ({@code value}: an item's canonical text or null). */
    public static boolean inScope(List<RowFilter> scope, Function<String, String> value, Predicate<String> numeric) {
        return scope.stream().allMatch(f -> holds(f, value.apply(f.item()), numeric.test(f.item())));
    }

    /**
     * A missing value satisfies nothing; so does anything on a numeric item when the value or a
     * bound is not a number (sharing does not check a scope's values against the item's type, and a
     * scope that cannot be read must fail closed).
     */
    public static boolean holds(RowFilter f, String value, boolean numeric) {
        if (value == null) {
            return false;
        }
        if (numeric && f.op() != FilterOp.PREFIX
            && (!isNumber(value) || f.values().stream().anyMatch(v -> !v.isEmpty() && !isNumber(v)))) {
            return false;
        }
        List<String> v = f.values();
        switch (f.op()) {
            case EQ:
                return compare(value, v.get(0), numeric) == 0;
            case IN:
                return v.stream().anyMatch(x -> compare(value, x, numeric) == 0);
            case PREFIX:
                return value.startsWith(v.get(0));
            case RANGE:
                return (v.get(0).isEmpty() || compare(value, v.get(0), numeric) >= 0)
                    && (v.get(1).isEmpty() || compare(value, v.get(1), numeric) <= 0);
            default:
                throw new IllegalArgumentException(f.op().name());
        }
    }

    public static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** collate "C" for text (unsigned UTF-8 bytes); numeric order for INTEGER and DECIMAL items. */
    public static int compare(String a, String b, boolean numeric) {
        if (numeric) {
            return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
        }
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
