package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

    private static final String VALID = "510108195701254046";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void parsesAndExposesItsParts() {
        ResidentId id = ResidentId.parse(VALID);

        assertThat(id.value()).isEqualTo(VALID);
        assertThat(id.areaCode()).isEqualTo("510108");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1957, 1, 25));
        assertThat(id.male()).isFalse();
        assertThat(ResidentId.parse(withCheckChar("11010119800101001")).male()).isTrue();
    }

    @Test
    void masksAllButAreaAndLastFour() {
        assertThat(ResidentId.parse(VALID).masked()).isEqualTo("510108********4046");
    }

    @Test
    void toStringDoesNotLeakTheNumber() {
        ResidentId id = ResidentId.parse(VALID);

        assertThat(id.toString()).isEqualTo("510108********4046").doesNotContain("19570125");
        assertThat(String.valueOf(id)).doesNotContain(VALID);
    }

    @Test
    void trimsAndUppercasesTrailingX() {
        ResidentId id = ResidentId.parse("  33010620010305050x ");

        assertThat(id.value()).isEqualTo("33010620010305050X");
        assertThat(id).isEqualTo(new ResidentId("33010620010305050X"));
    }

    @Test
    void parseRejectsWithRuleAndWithoutTheValueInTheMessage() {
        assertThatThrownBy(() -> ResidentId.parse("510108195701254047"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.rule()).isEqualTo("checkDigit");
                    assertThat(e.identifierType()).isEqualTo("residentId");
                    assertThat(e.getMessage()).doesNotContain("510108195701254047");
                });
    }

    @Test
    void checkNeverThrows() {
        assertThat(ResidentId.check(null)).isEqualTo(ValidationResult.failed("length"));
        assertThat(ResidentId.check("")).isEqualTo(ValidationResult.failed("length"));
        assertThat(ResidentId.check("51010819570125404Y")).isEqualTo(ValidationResult.failed("charset"));
        assertThat(ResidentId.check(VALID)).isEqualTo(ValidationResult.ok());
    }

    @Test
    void rejectsAreaOutsideProvinceCodes() {
        assertThat(ResidentId.check(withCheckChar("00000019800101001"), TODAY).rule()).isEqualTo("area");
        assertThat(ResidentId.check(withCheckChar("10010119800101001"), TODAY).rule()).isEqualTo("area");
        assertThat(ResidentId.check(withCheckChar("92010119800101001"), TODAY).rule()).isEqualTo("area");
    }

    @Test
    void birthDateMustBeRealAndBetween1900AndToday() {
        assertThat(ResidentId.check(withCheckChar("11010119000101001"), TODAY).valid()).isTrue();
        assertThat(ResidentId.check(withCheckChar("11010120261126001"), TODAY).valid()).isTrue();
        assertThat(ResidentId.check(withCheckChar("11010120000229001"), TODAY).valid()).isTrue();

        assertThat(ResidentId.check(withCheckChar("11010118991231001"), TODAY).rule()).isEqualTo("birthDate");
        assertThat(ResidentId.check(withCheckChar("11010120261127001"), TODAY).rule()).isEqualTo("birthDate");
        assertThat(ResidentId.check(withCheckChar("11010119000229001"), TODAY).rule()).isEqualTo("birthDate");
        assertThat(ResidentId.check(withCheckChar("11010119801301001"), TODAY).rule()).isEqualTo("birthDate");
    }

    // Finds the check character by trying all of them, so the test does not repeat the algorithm.
    private static String withCheckChar(String first17) {
        for (char c : "0123456789X".toCharArray()) {
            ValidationResult result = ResidentId.check(first17 + c, TODAY);
            if (!"checkDigit".equals(result.rule())) {
                return first17 + c;
            }
        }
        throw new AssertionError("no check character accepted for " + first17);
    }

    @Test
    void completesSeventeenDigitsWithTheCheckCharacter() {
        assertThat(ResidentId.withCheckChar("51010819570125404")).isEqualTo(VALID);
        assertThat(ResidentId.check(ResidentId.withCheckChar("51011219900307001")).valid()).isTrue();
        assertThatThrownBy(() -> ResidentId.withCheckChar("5101")).isInstanceOf(InvalidIdentifierException.class);
    }
}
