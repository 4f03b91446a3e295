package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A department's user searches the catalog in Chinese in the console, narrows the result with a
 * facet, and sees the match highlighted; another department's draft never shows.
 */
@IntegrationTest
class CatalogSearchBrowserIT extends BrowserTestSupport {

    @Test
    void aUserSearchesInChineseAndNarrowsByAFacet() {
        String tag = "tag" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).replaceAll("[0-9]", "q");
        String licence = publish("scjg_steward", "营业执照信息", "303001", "API", tag, "统一社会信用代码", "企业法定代表人");
        String permit = publish("scjg_steward", "食品经营许可信息", "303002", "DATABASE", tag, "许可证编号", "企业名称");
        String draft = register("scjg_steward", "企业年报草稿", "303001", "DATABASE", tag, "年报年度");

        signInAs("rsj_admin");
        awaitIndexed("rsj_admin", tag, 2);
        open("/catalog/search");
        assertThat(text("h1")).isEqualTo(zh("search.title"));
        type("#search-q", "企业 " + tag);
        clickAndWaitForPage(By.id("search-submit"));
        assertThat(texts(".search-hit .hit-name")).containsExactlyInAnyOrder("营业执照信息", "食品经营许可信息");
        assertThat(texts(".search-hit .hit-items mark")).contains("企业");
        assertThat(texts(".search-hit .hit-name")).doesNotContain("企业年报草稿");
        assertThat(text("#search-total")).startsWith("共 2 条结果");
        screenshot("results");

        clickAndWaitForPage(By.id("facet-format-API"));
        assertThat(texts(".search-hit .hit-name")).containsExactly("营业执照信息");
        assertThat($("#facet-format-API input").isSelected()).isTrue();
        assertThat(text("#facet-format-DATABASE .facet-count")).as("the other format still counts").isEqualTo("1");
        assertThat($("#search-q").getAttribute("value")).isEqualTo("企业 " + tag);
        assertThat($(".search-hit .hit-name").getAttribute("href")).endsWith("/catalog/resources/" + licence);
        screenshot("facet");

        type("#search-q", "营业执照 " + tag);
        clickAndWaitForPage(By.id("search-submit"));
        assertThat($(".search-hit .hit-name mark").getText()).isEqualTo("营业执照");
        assertThat(present("#facet-format-API")).as("the filter is kept for a new keyword").isTrue();

        clickAndWaitForPage(By.id("facets-clear"));
        clickAndWaitForPage(By.id("mode-items"));
        type("#search-q", "统一社会信用代码");
        clickAndWaitForPage(By.id("search-submit"));
        // the demo district has many resources with this item; every hit is that item, highlighted
        assertThat(texts(".item-hit td:first-child mark")).isNotEmpty()
            .allSatisfy(m -> assertThat("统一社会信用代码").contains(m));
        assertThat(texts(".item-hit a")).isNotEmpty();
        assertThat(permit).isNotBlank();
        assertThat(draft).isNotBlank();
    }

    private String register(String user, String name, String classification, String format, String tag, String... items) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            list.append(i == 0 ? "" : ",").append("{\"name\":\"").append(items[i]).append("\",\"codeName\":\"i")
                .append(i).append("\",\"dataType\":\"STRING\",\"length\":50}");
        }
        JsonNode created = apiPostAs(user, "/api/v1/catalog/resources", json("""
            {"classificationCode":"%s","name":"%s","summary":"浏览器测试资源","format":"%s","shareType":"UNCONDITIONAL",
             "openType":"NOT_OPEN","updateCycle":"MONTHLY","keywords":"%s","dataItems":[%s]}
            """.formatted(classification, name, format, tag, list)));
        return created.get("id").asString();
    }

    private String publish(String user, String name, String classification, String format, String tag, String... items) {
        String id = register(user, name, classification, format, tag, items);
        apiPostAs(user, "/api/v1/catalog/resources/" + id + "/submission", Map.of());
        apiPostAs("admin", "/api/v1/catalog/resources/" + id + "/approval", Map.of());
        return id;
    }

    private void awaitIndexed(String user, String tag, int expected) {
        for (int i = 0; i < 200; i++) {
            try {
                JsonNode r = apiGetAs(user, "/api/v1/catalog/search?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
                if (r.get("total").asInt() >= expected) {
                    return;
                }
            } catch (AssertionError indexStillBuilding) {
                // 503 while the first index is built
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("search never found " + expected + " resources tagged " + tag);
    }
}
