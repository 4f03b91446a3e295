package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeNamesTest {

    @Test
    void pinyinInitialsOfChineseLabels() {
        assertThat(CodeNames.suggest("注册资本")).isEqualTo("zczb");
        assertThat(CodeNames.suggest("统一社会信用代码")).isEqualTo("tyshxydm");
        assertThat(CodeNames.suggest("PM2.5浓度")).isEqualTo("pm25nd");
    }

    @Test
    void alwaysStartsWithALetter() {
        assertThat(CodeNames.suggest("2024年度")).isEqualTo("f2024nd");
        assertThat(CodeNames.suggest("")).isEqualTo("f");
    }
}
