package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The life of a client application's API key as a department administrator sees it in the
 * console, checked against what the JSON API then accepts.
 */
@IntegrationTest
class ClientKeyBrowserIT extends BrowserTestSupport {

    @Test
    void registerIssueUseRotateAndRevoke() {
        signInAs("scjg_admin");
        String name = "监管抽查系统-" + uniqueUsername("c");

        // register
        open("/directory/clients");
        type("#client-name", name);
        type("#client-description", "双随机一公开抽查任务");
        clickAndWaitForPage(By.id("create-client"));
        assertThat(text("#saved")).isEqualTo(zh("common.saved", name));
        assertThat(text("h1")).contains(name, "成都市龙泉驿区市场监督管理局");
        assertThat(present("#issued-key")).isFalse();
        assertThat($$("#keys tbody tr")).isEmpty();
        String detailPath = path();

        // issue: the secret is shown exactly once
        clickAndWaitForPage(By.id("issue-key"));
        String key = text("#issued-key-value");
        assertThat(key).startsWith("gsk_");
        assertThat(occurrences(driver.getPageSource(), key)).isEqualTo(1);
        assertThat(activeKeyRows()).hasSize(1);
        screenshot("issued-key");

        driver.navigate().refresh();
        assertThat(path()).isEqualTo(detailPath);
        assertThat(present("#issued-key")).isFalse();
        assertThat(driver.getPageSource()).doesNotContain(key);
        assertThat(activeKeyRows()).hasSize(1);

        // the key works against the API and names the application
        HttpResponse<String> me = me(key);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).get("name").asString()).isEqualTo(name);

        // rotate: a new key, the old one is dead at once
        clickConfirmAndWaitForPage($("#rotate-key"), zh("client.key.rotate.confirm"));
        String rotated = text("#issued-key-value");
        assertThat(rotated).startsWith("gsk_").isNotEqualTo(key);
        assertThat(me(key).statusCode()).isEqualTo(401);
        assertThat(me(rotated).statusCode()).isEqualTo(200);
        assertThat(activeKeyRows()).hasSize(1);

        // revoke the new one as well
        List<WebElement> revoke = $$(".revoke-key");
        assertThat(revoke).hasSize(1);
        clickConfirmAndWaitForPage(revoke.get(0), zh("client.key.revoke.confirm"));
        assertThat(me(rotated).statusCode()).isEqualTo(401);
        assertThat(activeKeyRows()).isEmpty();
        assertThat(texts("#keys tbody tr td:nth-child(3) .badge")).containsOnly(zh("client.key.revoked")).hasSize(2);
        screenshot("keys-revoked");
    }

    private HttpResponse<String> me(String apiKey) {
        return apiGet("/api/v1/me", Map.of("X-Api-Key", apiKey, "Accept", "application/json"));
    }

    private List<WebElement> activeKeyRows() {
        return $$("#keys tbody tr").stream().filter(r -> !r.findElements(By.cssSelector(".revoke-key")).isEmpty()).toList();
    }

    private static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
