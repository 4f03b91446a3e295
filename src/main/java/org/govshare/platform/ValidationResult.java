package org.govshare.platform;

import java.util.Objects;

/**
 * Outcome of checking an identifier without throwing, so that bulk imports and form
 * validation can report the failed rule per row instead of aborting on the first bad value.
 * The rule code is stable and meant for mapping to user-facing messages.
 */
public record ValidationResult(boolean valid, String rule) {

    public static final String LENGTH = "length";
    public static final String CHARSET = "charset";
    public static final String AREA = "area";
    public static final String BIRTH_DATE = "birthDate";
    public static final String CHECK_DIGIT = "checkDigit";

    private static final ValidationResult OK = new ValidationResult(true, null);

    public ValidationResult {
        if (valid && rule != null) {
            throw new IllegalArgumentException("a valid result has no failed rule");
        }
        if (!valid) {
            Objects.requireNonNull(rule, "an invalid result needs the failed rule");
        }
    }

    public static ValidationResult ok() {
        return OK;
    }

    public static ValidationResult failed(String rule) {
        return new ValidationResult(false, rule);
    }
}
