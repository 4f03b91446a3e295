package org.govshare.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govshare.sharing.Mask;

/**
 * A granted item's value as its consumer may see it (REFERENCE.md masking types, after Apache
 * Ranger): applied to the canonical text of a record's value, character by character in code
 * points, so a Chinese name or a supplementary character counts as one.
 */
final class Masking {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-\\d{2}-\\d{2}([T ].*)?");
    private static final char HIDDEN = '*';

    private final ThreadLocal<Mac> macs;

    /** {@code hashKey}: the platform's key for HASH, so equal values stay joinable within one deployment only. */
    Masking(byte[] hashKey) {
        if (hashKey == null || hashKey.length < 32) {
            throw new IllegalArgumentException("the hash key needs at least 32 bytes");
        }
        SecretKeySpec key = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The value as shown; null when the mask nullifies it (or the value is null). */
    String apply(Mask mask, String value) {
        if (value == null) {
            return null;
        }
        return switch (mask.type()) {
            case NONE -> value;
            case NULLIFY -> null;
            case MASK -> maskCharacters(value);
            case SHOW_FIRST -> show(value, mask.n(), true);
            case SHOW_LAST -> show(value, mask.n(), false);
            case HASH -> hash(value);
            case DATE_YEAR_ONLY -> yearOf(value);
        };
    }

    /** Letters become x, digits 0; everything else (punctuation, spaces) keeps the value's shape. */
    static String maskCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                out.append('0');
            } else if (Character.isLetter(c)) {
                out.append('x');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The first or last n characters shown, the rest hidden; a value no longer than n is hidden whole. */
    static String show(String value, Integer n, boolean first) {
        int[] cps = value.codePoints().toArray();
        int shown = n == null || n < 0 || cps.length <= n ? 0 : n;
        StringBuilder out = new StringBuilder(cps.length);
        for (int i = 0; i < cps.length; i++) {
            boolean visible = first ? i < shown : i >= cps.length - shown;
            if (visible) {
                out.appendCodePoint(cps[i]);
            } else {
                out.append(HIDDEN);
            }
        }
        return out.toString();
    }

    String hash(String value) {
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The year of a date or date-time; anything else says nothing. */
    static String yearOf(String value) {
        Matcher m = DATE.matcher(value);
        return m.matches() ? m.group(1) : null;
    }
}
