package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.govshare.IntegrationTest;
import org.govshare.platform.CreditCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The platform administrator registers a new organization; its unified social credit code is checked. */
@IntegrationTest
class OrganizationRegistrationBrowserIT extends BrowserTestSupport {

    @Test
    void refusesAWrongCheckDigitThenRegisters() {
        signInAs("admin");
        String name = "成都市龙泉驿区测试中心" + uniqueUsername("t");
        String valid = uniqueCreditCode();
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

        open("/directory/organizations");
        clickAndWaitForPage(By.id("new-organization"));
        assertThat(path()).isEqualTo("/directory/organizations/new");
        type("#name", name);
        type("#shortName", "测试中心");
        new Select($("#type")).selectByValue("INSTITUTION");
        type("#creditCode", wrongCheckDigit);
        type("#contactName", "测试员");
        clickAndWaitForPage(By.id("save"));

        assertThat(texts("#form-errors li")).containsExactly(zh("problem.credit-code-checkDigit"));
        assertThat(present("#saved")).isFalse();
        assertThat($("#name").getDomProperty("value")).as("the form keeps the input").isEqualTo(name);
        screenshot("credit-code-refused");

        type("#creditCode", valid);
        clickAndWaitForPage(By.id("save"));

        assertThat(path()).startsWith("/directory/organizations/").isNotEqualTo("/directory/organizations/new");
        assertThat(text("#saved")).isEqualTo(zh("common.saved", name));
        assertThat(text("h1")).isEqualTo(name);
        assertThat($("#creditCode").getDomProperty("value")).isEqualTo(valid);
        assertThat(new Select($("#type")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("INSTITUTION");
        assertThat(organizationId(name)).isNotBlank();
    }

    /** An institution (事业单位, 12) of Longquanyi with a random organization code: unique per run. */
    private static String uniqueCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("12510112");
        for (int i = 0; i < 9; i++) {
            body.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return CreditCode.withCheckDigit(body.toString());
    }
}
