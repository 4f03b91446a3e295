package org.govshare.dataset.internal.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Hand-written parsers for the text of one value, used once per cell of a million-row load: they
 * answer null for text that is not of the type instead of throwing, so a file full of bad dates
 * costs no stack traces, and they never compile a pattern or build a formatter per call.
 */
final class TextValues {

    private TextValues() {
    }

    /** An optionally signed run of ASCII digits that fits a long; null otherwise. */
    static Long parseLong(String s) {
        int len = s.length();
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
            if (len == 1) {
                return null;
            }
        }
        // Accumulate negatively so Long.MIN_VALUE fits.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multmin = limit / 10;
        long result = 0;
        for (; i < len; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9 || result < multmin) {
                return null;
            }
            result *= 10;
            if (result < limit + d) {
                return null;
            }
            result -= d;
        }
        return negative ? result : -result;
    }

    /**
     * A plain decimal: optional sign, digits, optionally a point and more digits, at least one digit
     * in all. Exponents and thousands separators are refused, so "1,000" never silently becomes 1.
     */
    static BigDecimal parseDecimal(String s) {
        int len = s.length();
        int i = 0;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            i = 1;
        }
        int digits = 0;
        boolean point = false;
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** Significant digits of a decimal as a NUMERIC(p) column counts them: integer digits plus fraction digits. */
    static int totalDigits(BigDecimal d) {
        int scale = d.scale();
        int precision = d.precision();
        // 0.05 has precision 1, scale 2: it needs the fraction's 2 digits; 100 (scale 0) needs 3.
        return Math.max(precision, scale);
    }

    /** yyyy-MM-dd, yyyy/MM/dd (month and day may have one digit) or yyyyMMdd; a real calendar date. */
    static LocalDate parseDate(String s) {
        int len = s.length();
        if (len == 8 && isDigit(s.charAt(4))) {
            return date(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8));
        }
        int end = dateEnd(s, 0);
        if (end != len) {
            return null;
        }
        return dateAt(s, 0, end);
    }

    /**
     * ISO-8601 local or with offset (T or a space between date and time, seconds and fraction
     * optional, offset Z, +HH:mm, +HHmm or +HH), also yyyy/MM/dd HH:mm:ss. LocalDateTime without an
     * offset, OffsetDateTime with one; null when not a real date-time.
     */
    static Object parseDateTime(String s) {
        int len = s.length();
        int dateEnd = dateEnd(s, 0);
        if (dateEnd < 0 || dateEnd >= len) {
            return null;
        }
        LocalDate date = dateAt(s, 0, dateEnd);
        if (date == null) {
            return null;
        }
        char sep = s.charAt(dateEnd);
        if (sep != 'T' && sep != ' ') {
            return null;
        }
        int i = dateEnd + 1;
        if (i + 5 > len || s.charAt(i + 2) != ':') {
            return null;
        }
        int hour = digits(s, i, i + 2);
        int minute = digits(s, i + 3, i + 5);
        i += 5;
        int second = 0;
        int nano = 0;
        if (i < len && s.charAt(i) == ':') {
            if (i + 3 > len) {
                return null;
            }
            second = digits(s, i + 1, i + 3);
            i += 3;
            if (i < len && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < len && i - start < 9 && isDigit(s.charAt(i))) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int n = i - start;
                if (n == 0) {
                    return null;
                }
                for (int k = n; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute,
            second, nano);
        if (i == len) {
            return local;
        }
        ZoneOffset offset = offset(s, i);
        return offset == null ? null : OffsetDateTime.of(local, offset);
    }

    /** true/false, 1/0, 是/否, Y/N, yes/no in any case; null otherwise. */
    static Boolean parseBoolean(String s) {
        switch (s.length()) {
            case 1 -> {
                char c = s.charAt(0);
                if (c == '1' || c == 'Y' || c == 'y' || c == '是') {
                    return Boolean.TRUE;
                }
                if (c == '0' || c == 'N' || c == 'n' || c == '否') {
                    return Boolean.FALSE;
                }
                return null;
            }
            case 2 -> {
                return s.equalsIgnoreCase("no") ? Boolean.FALSE : null;
            }
            case 3 -> {
                return s.equalsIgnoreCase("yes") ? Boolean.TRUE : null;
            }
            case 4 -> {
                return s.equalsIgnoreCase("true") ? Boolean.TRUE : null;
            }
            case 5 -> {
                return s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Standard base64 (RFC 4648 alphabet, padded or not); null when the text is not base64. */
    static byte[] parseBase64(String s) {
        int len = s.length();
        int pad = 0;
        while (pad < 2 && len - pad > 0 && s.charAt(len - 1 - pad) == '=') {
            pad++;
        }
        int data = len - pad;
        for (int i = 0; i < data; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                || c == '/';
            if (!ok) {
                return null;
            }
        }
        int tail = data % 4;
        if (tail == 1 || (pad > 0 && (tail == 0 || pad != 4 - tail))) {
            return null;
        }
        return Base64.getDecoder().decode(s);
    }

    /**
     * Where a date written as yyyy-M-d or yyyy/M/d starting at {@code from} ends (exclusive), -1 when
     * the text does not start with such a date. The two separators must be the same.
     */
    private static int dateEnd(String s, int from) {
        int len = s.length();
        int i = from + 4;
        if (len < i + 4) {
            return -1;
        }
        char sep = s.charAt(i);
        if (sep != '-' && sep != '/') {
            return -1;
        }
        i++;
        int m = i;
        while (i < len && i - m < 2 && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == m || i >= len || s.charAt(i) != sep) {
            return -1;
        }
        i++;
        int d = i;
        while (i < len && i - d < 2 && isDigit(s.charAt(i))) {
            i++;
        }
        return i == d ? -1 : i;
    }

    private static LocalDate dateAt(String s, int from, int end) {
        int y = digits(s, from, from + 4);
        int m1 = from + 5;
        int m2 = m1;
        while (isDigit(s.charAt(m2))) {
            m2++;
        }
        int month = digits(s, m1, m2);
        int day = digits(s, m2 + 1, end);
        return date(y, month, day);
    }

    private static LocalDate date(int y, int m, int d) {
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return null;
        }
        int max = switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d > max ? null : LocalDate.of(y, m, d);
    }

    private static ZoneOffset offset(String s, int i) {
        int len = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') {
            return i + 1 == len ? ZoneOffset.UTC : null;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int rest = len - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(s, i + 1, i + 3);
        } else if (rest == 4) {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 3, i + 5);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 4, i + 6);
        } else {
            return null;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return null;
        }
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
    }

    /** The non-negative number written in s[from, to) in ASCII digits, or -1. */
    private static int digits(String s, int from, int to) {
        if (from >= to || to > s.length()) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
