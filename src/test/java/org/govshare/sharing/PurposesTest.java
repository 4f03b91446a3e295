package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a call's purpose is compared with its grant's: the same words however typed, never other words. */
class PurposesTest {

    @Test
    void widthAndSpacingDoNotMatterButWordsDo() {
        String approved = Purposes.normalized("2026年度 社保稽核 (ABC)");
        assertThat(Purposes.normalized("２０２６年度　社保稽核 （ＡＢＣ）")).isEqualTo(approved);
        assertThat(Purposes.normalized(" 2026年度\t\u00a0 社保稽核  (ABC)\u2003")).isEqualTo(approved);
        assertThat(Purposes.normalized("2026年度社保稽核 (ABC)")).isNotEqualTo(approved);
        assertThat(Purposes.normalized("2026年度 社保稽核 (abc)")).as("case is kept").isNotEqualTo(approved);
        assertThat(Purposes.normalized(null)).isNull();
    }

    @Test
    void aPurposeMustFitAHeaderAndHoldNoControlCharacters() {
        assertThat(Purposes.wellFormed("参保登记时核验单位登记信息")).isTrue();
        assertThat(Purposes.wellFormed("核".repeat(Purposes.MAX_LENGTH))).isTrue();
        assertThat(Purposes.wellFormed("核".repeat(Purposes.MAX_LENGTH + 1))).isFalse();
        assertThat(Purposes.wellFormed("𠀀".repeat(Purposes.MAX_LENGTH))).as("counted in characters, not UTF-16 units")
            .isTrue();
        assertThat(Purposes.wellFormed("响铃\u0007")).isFalse();
        assertThat(Purposes.wellFormed("换行\n")).isFalse();
        assertThat(Purposes.wellFormed(" ")).isFalse();
        assertThat(Purposes.wellFormed(null)).isFalse();
    }
}
