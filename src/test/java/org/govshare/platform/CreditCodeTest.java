package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @Test
    void parsesAndExposesItsParts() {
        CreditCode code = CreditCode.parse("91510100MA6C0000Q0");

        assertThat(code.registrationAuthority()).isEqualTo("9");
        assertThat(code.areaCode()).isEqualTo("510100");
        assertThat(code.value()).isEqualTo("91510100MA6C0000Q0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91510100MA6C0000Q", "Y144030500000000A", "12510112L2R82KU70", "00000000000000000"})
    void withCheckDigitRoundTrips(String first17) {
        String code = CreditCode.withCheckDigit(first17);

        assertThat(code).hasSize(18).startsWith(first17);
        assertThat(CreditCode.check(code).valid()).isTrue();
        assertThat(CreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void checkValueOf31BecomesZero() {
        // The weighted sum of 91510100MA6C0000Q is 1798 = 58 * 31, so 31 - S mod 31 = 31,
        // which must wrap to 0; a missing outer "mod 31" would index past the alphabet.
        assertThat(CreditCode.withCheckDigit("91510100MA6C0000Q")).isEqualTo("91510100MA6C0000Q0");
        assertThat(CreditCode.check("12510112L2R82KU700")).isEqualTo(ValidationResult.ok());
    }

    @Test
    void doesNotWhitelistCategoryPrefixes() {
        String unusualCategory = CreditCode.withCheckDigit("Q4510100MA6C0000Q");

        assertThat(CreditCode.check(unusualCategory).valid()).isTrue();
    }

    @Test
    void rejectsByRule() {
        assertThat(CreditCode.check(null)).isEqualTo(ValidationResult.failed("length"));
        assertThat(CreditCode.check("91510100MA6C0000Q01")).isEqualTo(ValidationResult.failed("length"));
        assertThat(CreditCode.check("91510100MA6I0000Q0")).isEqualTo(ValidationResult.failed("charset"));
        assertThat(CreditCode.check("91510100MA6C0000Q1")).isEqualTo(ValidationResult.failed("checkDigit"));
    }

    @Test
    void normalisesWhitespaceAndCase() {
        assertThat(CreditCode.parse(" 91510100ma6c0000q0 ").value()).isEqualTo("91510100MA6C0000Q0");
    }

    @Test
    void parseAndWithCheckDigitThrowWithRule() {
        assertThatThrownBy(() -> CreditCode.parse("91510100MA6C0000Q1"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.rule()).isEqualTo("checkDigit");
                    assertThat(e.identifierType()).isEqualTo("creditCode");
                });
        assertThatThrownBy(() -> CreditCode.withCheckDigit("9151"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.rule()).isEqualTo("length"));
        assertThatThrownBy(() -> CreditCode.withCheckDigit("91510100MA6O0000Q"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.rule()).isEqualTo("charset"));
    }
}
