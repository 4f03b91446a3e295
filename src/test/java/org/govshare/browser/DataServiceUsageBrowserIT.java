package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.IntegrationTest;
import org.govshare.exchange.UsageFixtures;
import org.govshare.exchange.UsageFixtures.Usage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The done-when of the data service in a real browser: after a consumer's client called a provider's
 * resource through the gateway, the provider signs in and sees those calls (who, why, how often, each
 * audited call, the chart drawn), and the consumer sees its use against the grant's daily quota.
 */
@IntegrationTest
class DataServiceUsageBrowserIT extends BrowserTestSupport {

    @Test
    void theProviderSeesTheConsumersCallsAndTheConsumerItsUseAgainstTheQuota() {
        Usage usage = UsageFixtures.setUp(port, "浏览器用量");

        signInAs("scjg_steward");
        assertThat(texts(".card .text-muted")).contains(zh("exchange.stats.provider-today"));
        clickAndWaitForPage(By.id("nav-data-services-usage"));
        assertThat(path()).isEqualTo("/data-services/usage");
        assertThat(text("h1")).isEqualTo(zh("exchange.usage.title"));
        new Select($("#filter-resource")).selectByValue(usage.resource().toString());
        clickAndWaitForPage(By.id("filter-submit"));
        assertThat(text("#total-calls")).isEqualTo(String.valueOf(UsageFixtures.QUOTA));
        assertThat(text("#total-refused")).isEqualTo("1");
        assertThat(texts("#callers .caller-client")).singleElement().asString().startsWith("浏览器用量");
        assertThat(texts("#callers .caller-consumer")).containsExactly("成都市龙泉驿区人力资源和社会保障局");
        assertThat(texts("#purposes .purpose-text")).containsExactly(UsageFixtures.CHECK, UsageFixtures.SURVEY);
        assertThat(texts("#calls .call-purpose")).hasSize(UsageFixtures.QUOTA + 1);
        assertThat(texts("#calls .call-count")).containsExactly("—", "1", "1", "5", "0", "1", "1");
        wait.until(d -> "true".equals($("#usage-chart").getAttribute("data-chart-drawn")));
        screenshot("provider-usage");

        signInAs("rsj_steward");
        clickAndWaitForPage(By.id("nav-data-services-quota"));
        assertThat(path()).isEqualTo("/data-services/quota");
        By row = By.cssSelector("#quotas .quota-row[data-grant='" + usage.grantNumber() + "']");
        assertThat(driver.findElement(row).findElement(By.className("quota-figure")).getText())
            .isEqualTo(zh("exchange.quota.used", UsageFixtures.QUOTA, UsageFixtures.QUOTA));
        assertThat(driver.findElement(row).findElement(By.className("progress-bar")).getText()).isEqualTo("100%");
        assertThat(driver.findElement(row).findElement(By.className("quota-warning")).isDisplayed()).isTrue();
        wait.until(d -> "true".equals($("#quota-chart").getAttribute("data-chart-drawn")));
        screenshot("consumer-quota");
    }
}
