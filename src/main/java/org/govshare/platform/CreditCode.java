package org.govshare.platform;

import java.util.Locale;

/**
 * Unified social credit code (GB 32100-2015) as a value that is valid by construction, used
 * for departments and legal entities. Category prefixes are deliberately not whitelisted:
 * registration authorities keep adding categories, and the check character already catches
 * typing errors.
 */
public record CreditCode(String value) {

    public static final String TYPE = "creditCode";

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        value = normalise(value);
        ValidationResult result = check(value);
        if (!result.valid()) {
            throw new InvalidIdentifierException(TYPE, result.rule());
        }
    }

    public static CreditCode parse(String raw) {
        return new CreditCode(raw);
    }

    public static ValidationResult check(String raw) {
        String code = normalise(raw);
        if (code == null || code.length() != LENGTH) {
            return ValidationResult.failed(ValidationResult.LENGTH);
        }
        if (!inAlphabet(code)) {
            return ValidationResult.failed(ValidationResult.CHARSET);
        }
        if (code.charAt(LENGTH - 1) != checkChar(code)) {
            return ValidationResult.failed(ValidationResult.CHECK_DIGIT);
        }
        return ValidationResult.ok();
    }

    public static String withCheckDigit(String first17) {
        String body = normalise(first17);
        if (body == null || body.length() != LENGTH - 1) {
            throw new InvalidIdentifierException(TYPE, ValidationResult.LENGTH);
        }
        if (!inAlphabet(body)) {
            throw new InvalidIdentifierException(TYPE, ValidationResult.CHARSET);
        }
        return body + checkChar(body);
    }

    public String registrationAuthority() {
        return value.substring(0, 1);
    }

    public String areaCode() {
        return value.substring(2, 8);
    }

    private static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean inAlphabet(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    // The first 17 characters must already be in the alphabet.
    private static char checkChar(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        // 31 - 0 would be 31, which is not a character: the outer mod maps it to '0'.
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
