package org.govshare.platform;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Resident identity number (GB 11643-1999) as a value that is valid by construction, so that
 * code receiving a {@code ResidentId} never re-checks it. {@link #toString()} is masked because
 * the number is personal data and records end up in logs and exception messages.
 */
public record ResidentId(String value) {

    public static final String TYPE = "residentId";

    // Birth dates are calendar dates in China, so "today" is taken in China's time zone.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    public ResidentId {
        value = normalise(value);
        ValidationResult result = check(value, Clock.system(CHINA));
        if (!result.valid()) {
            throw new InvalidIdentifierException(TYPE, result.rule());
        }
    }

    public static ResidentId parse(String raw) {
        return new ResidentId(raw);
    }

    public static ValidationResult check(String raw) {
        return check(raw, Clock.system(CHINA));
    }

    public static ValidationResult check(String raw, Clock clock) {
        String id = normalise(raw);
        if (id == null || id.length() != LENGTH) {
            return ValidationResult.failed(ValidationResult.LENGTH);
        }
        if (!hasValidCharset(id)) {
            return ValidationResult.failed(ValidationResult.CHARSET);
        }
        int province = Integer.parseInt(id.substring(0, 2));
        if (province < 11 || province > 91) {
            return ValidationResult.failed(ValidationResult.AREA);
        }
        LocalDate birthDate = parseBirthDate(id);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE)
                || birthDate.isAfter(LocalDate.now(clock))) {
            return ValidationResult.failed(ValidationResult.BIRTH_DATE);
        }
        if (id.charAt(17) != checkChar(id)) {
            return ValidationResult.failed(ValidationResult.CHECK_DIGIT);
        }
        return ValidationResult.ok();
    }

    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        if (trimmed.endsWith("x")) {
            return trimmed.substring(0, trimmed.length() - 1) + 'X';
        }
        return trimmed;
    }

    private static boolean hasValidCharset(String id) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return false;
            }
        }
        char last = id.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDate parseBirthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The full number for 17 digits (area, birth date, sequence): test and demo data with valid check characters. */
    public static String withCheckChar(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentifierException(TYPE, ValidationResult.LENGTH);
        }
        return first17 + checkChar(first17);
    }

    private static char checkChar(String id) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
