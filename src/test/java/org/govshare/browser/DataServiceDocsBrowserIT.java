package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A consumer's data steward finds a resource's 数据服务接口 page from the catalog, reads its items and
 * endpoints, and tries the real service with the API key of a client application holding a grant
 * (tyshxydm, qymc, fddbr; fddbr masked to its last 4 characters): a masked record comes back, and a
 * call with a purpose the grant did not approve is refused (403), one without a purpose is the
 * service's own 400 problem. 我的可用接口 lists the same grant with its approved purposes.
 */
@IntegrationTest
class DataServiceDocsBrowserIT extends BrowserTestSupport {

    static final List<String> PURPOSES = List.of("在线调试核验企业登记信息", "参保单位登记核验");

    UUID resource;
    String code;
    String key;
    Client client;

    @BeforeEach
    void grantAClient() {
        resource = SharingFixtures.published(port, "scjg_steward");
        code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        key = ExchangeFixtures.creditCode("510112", 42);
        ExchangeFixtures.push(port, resource, "try-" + UUID.randomUUID(), """
            {"tyshxydm":"%s","qymc":"龙泉驿在线调试企业有限公司","xzqh":"510112042","fddbr":"法人代表甲乙丙","nsxx":"纳税A级"}
            """.formatted(key));
        client = ExchangeFixtures.client(port, "rsj_admin", "在线调试系统");
        ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"fddbr\"]", """
            {"items":["tyshxydm","qymc","fddbr"],"dailyQuota":100,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],"comment":"在线调试"}
            """, PURPOSES.toArray(String[]::new));
    }

    @Test
    void theDocsPageFromTheCatalogTriesTheRealServiceWithAKey() {
        signInAs("rsj_steward");
        open("/catalog/resources/" + resource);
        clickAndWaitForPage(By.id("data-service-docs"));
        assertThat(path()).isEqualTo("/data-services/" + code);
        assertThat(text("#service-title")).contains(zh("exchange.docs.title"));
        assertThat(texts("#service-items .item-code")).containsExactly("tyshxydm", "qymc", "xzqh", "fddbr");
        assertThat($("#service-items tr[data-code='fddbr'] .item-mask").getText()).isEqualTo(zh("sharing.mask.SHOW_LAST", 4));
        assertThat(driver.getPageSource()).doesNotContain("nsxx");
        assertThat(present("#endpoint-lookup")).isTrue();
        assertThat(present("#endpoint-query")).isTrue();
        assertThat(present("#endpoint-verify")).isTrue();
        assertThat(present("#endpoint-export")).isTrue();
        assertThat($("#endpoint-lookup .example-request").getText()).contains("X-Api-Key", "/api/v1/data/" + code + "/records/");
        assertThat(texts("#endpoint-query .endpoint-param td:first-child")).contains("X-Purpose", "qymc.prefix", "size", "cursor");
        screenshot("docs");
        // the purpose field offers the purposes the department's client was granted, the first filled in
        assertThat($("#try-purpose").getAttribute("value")).isEqualTo(PURPOSES.get(0));
        assertThat($$("#try-purposes option").stream().map(o -> o.getAttribute("value"))).containsExactlyElementsOf(PURPOSES);

        // lookup with the client's key: the granted items, fddbr masked, nothing else
        type("#try-key", client.key());
        new Select($("#try-method")).selectByValue("lookup");
        type("#try-record-key", key);
        send();
        waitForStatus("200");
        String body = text("#try-output");
        assertThat(body).contains(key, "龙泉驿在线调试企业有限公司", "***表甲乙丙")
            .doesNotContain("法人代表甲乙丙", "xzqh", "nsxx");
        screenshot("try-lookup");

        // a query with a Chinese filter value and purpose goes out encoded and finds the record
        new Select($("#try-method")).selectByValue("query");
        type("#try-params", "qymc=龙泉驿在线调试企业有限公司&size=5");
        send();
        waitForStatus("200");
        assertThat(text("#try-output")).contains("\"count\": 1", key);

        // a purpose the grant was not approved for is refused, naming the approved ones
        new Select($("#try-method")).selectByValue("lookup");
        type("#try-purpose", "与授权无关的用途");
        send();
        waitForStatus("403");
        assertThat(text("#try-output")).contains("purpose-not-granted", PURPOSES.get(0), PURPOSES.get(1))
            .doesNotContain("龙泉驿在线调试企业有限公司");
        screenshot("try-wrong-purpose");

        // without a purpose the service answers its own problem
        $("#try-purpose").clear();
        send();
        waitForStatus("400");
        assertThat(text("#try-output")).contains("purpose-required", "X-Purpose", "用途");
        screenshot("try-no-purpose");

        // the key lives in the field only
        Object stored = ((JavascriptExecutor) driver).executeScript(
            "return window.localStorage.length + window.sessionStorage.length + document.cookie.indexOf('gsk_')");
        assertThat(((Number) stored).longValue()).isEqualTo(-1L);
    }

    @Test
    void allowedServicesListTheClientsGrantAndLinkToItsDocs() {
        signInAs("rsj_steward");
        open("/data-services/" + code);
        clickAndWaitForPage(By.id("mine-link"));
        assertThat(path()).isEqualTo("/data-services/mine");
        var card = $(".client-services[data-client-id='" + client.id() + "']");
        assertThat(card.findElement(By.cssSelector(".client-name")).getText()).startsWith("在线调试系统");
        var row = card.findElement(By.cssSelector(".service-row[data-resource-code='" + code + "']"));
        assertThat(row.findElements(By.cssSelector(".service-item")).stream().map(e -> e.getAttribute("data-code")))
            .containsExactly("tyshxydm", "qymc", "fddbr");
        assertThat(row.findElement(By.cssSelector(".service-item[data-code='fddbr']")).getText())
            .contains(zh("sharing.mask.SHOW_LAST", 4));
        assertThat(row.findElements(By.cssSelector(".service-method")).stream().map(e -> e.getAttribute("data-method")))
            .containsExactly("lookup", "query", "verify", "export");
        assertThat(row.getText()).contains("0 / 100");
        assertThat(row.findElements(By.cssSelector(".service-purpose")).stream().map(e -> e.getText()))
            .containsExactlyElementsOf(PURPOSES);
        screenshot("mine");
        clickAndWaitForPage(By.cssSelector(".client-services[data-client-id='" + client.id() + "'] .service-row[data-resource-code='"
            + code + "'] .service-docs-link"));
        assertThat(path()).isEqualTo("/data-services/" + code);
    }

    /** The form sits at the bottom of a long page: bring the button into view at once (Bootstrap scrolls smoothly). */
    private void send() {
        var button = $("#try-send");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    private void waitForStatus(String status) {
        wait.until(d -> $("#try-status").getText().trim().startsWith(status));
    }
}
