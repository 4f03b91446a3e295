package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The catalog's life in the console: a data steward of the market regulator (scjg_steward)
 * catalogues a resource with the data items table, the sharing authority (admin) returns it, then
 * approves it; other departments see it once published (and never a draft); a change renames a data
 * item and the version diff shows it.
 */
@IntegrationTest
class CatalogConsoleBrowserIT extends BrowserTestSupport {

    @Test
    void cataloguedReviewedPublishedAndChanged() {
        String name = "企业年报公示信息" + Long.toString(System.nanoTime(), 36);

        // ---- the steward catalogues, with mistakes first
        signInAs("scjg_steward");
        open("/");
        assertThat(present("#nav-catalog-resources")).isTrue();
        assertThat(present("#nav-catalog-search")).isTrue();
        assertThat(present("#nav-catalog-import")).isTrue();
        assertThat(present("#nav-catalog-review")).as("only the authority's reviewers review").isFalse();
        clickAndWaitForPage(By.id("nav-catalog-resources"));
        clickAndWaitForPage(By.id("new-resource"));
        assertThat(path()).isEqualTo("/catalog/resources/new");

        new Select($("#classificationCode")).selectByValue("303001");
        type("#name", name);
        type("#summary", "企业年度报告中公示的经营状况、资产状况等信息。");
        assertThat($("#shareCondition-group").isDisplayed()).as("unconditional by default").isFalse();
        $("#shareType-CONDITIONAL").click();
        assertThat($("#shareCondition-group").isDisplayed()).as("conditional sharing asks for its condition").isTrue();
        assertThat($("#legalBasis-group").isDisplayed()).isFalse();

        fillItem(0, "统一社会信用代码", "uscc", "STRING", "18");
        $("#item-0-key").click();
        $("#add-item").click();
        fillItem(1, "企业名称", "qymc", null, "200");          // no data type
        $("#add-item").click();
        fillItem(2, "年报年度", "nbnd", "INTEGER", null);
        $("#add-item").click();
        fillItem(3, "临时", "tmp", "DATE", null);
        assertThat(rowNames()).containsExactly("统一社会信用代码", "企业名称", "年报年度", "临时");
        // reorder and remove rows in the browser: names follow the rows
        rowButton(3, "up").click();
        assertThat(rowNames()).containsExactly("统一社会信用代码", "企业名称", "临时", "年报年度");
        assertThat($("#item-2-name").getAttribute("name")).isEqualTo("dataItems[2].name");
        rowButton(2, "remove").click();
        assertThat(rowNames()).containsExactly("统一社会信用代码", "企业名称", "年报年度");
        assertThat($("#item-2-codeName").getAttribute("name")).isEqualTo("dataItems[2].codeName");
        // an item's own share type shows its own terms
        new Select($("#item-2-shareType")).selectByValue("NOT_SHARED");
        assertThat($("#item-2-legalBasis").isDisplayed()).isTrue();
        new Select($("#item-2-shareType")).selectByValue("");
        assertThat($("#item-2-legalBasis").isDisplayed()).isFalse();
        screenshot("1-editor-filled");

        clickAndWaitForPage(By.id("save-resource"));
        assertThat(path()).as("nothing saved").isEqualTo("/catalog/resources");
        assertThat(texts("#form-errors li")).containsExactlyInAnyOrder(
            zh("field.shareCondition") + "：" + zh("problem.share-condition-required"),
            zh("field.dataItems.row", 2) + " · " + zh("field.dataType") + "：" + zh("problem.item-type-required"));
        // ... and next to the fields, the user's input kept
        assertThat($("#shareCondition").getAttribute("class")).contains("is-invalid");
        assertThat(text("[data-error-for='shareCondition']")).isEqualTo(zh("problem.share-condition-required"));
        assertThat($("#item-1-dataType").getAttribute("class")).contains("is-invalid");
        assertThat(text("[data-error-for='dataItems[1].dataType']")).isEqualTo(zh("problem.item-type-required"));
        assertThat($("#item-0-dataType").getAttribute("class")).doesNotContain("is-invalid");
        assertThat(rowNames()).containsExactly("统一社会信用代码", "企业名称", "年报年度");
        assertThat($("#name").getDomProperty("value")).isEqualTo(name);
        assertThat($("#item-0-key").isSelected()).isTrue();
        assertThat($("#shareType-CONDITIONAL").isSelected()).isTrue();
        screenshot("2-editor-errors");
        scrollTo("#items");
        screenshot("2b-editor-item-errors");

        type("#shareCondition", "用于市场监管和行政审批，须经本局同意");
        new Select($("#item-1-dataType")).selectByValue("STRING");
        clickAndWaitForPage(By.id("save-resource"));
        assertThat(path()).startsWith("/catalog/resources/");
        String id = path().substring("/catalog/resources/".length());
        assertThat(text("#resource-name")).isEqualTo(name);
        assertThat(status()).isEqualTo("DRAFT");
        assertThat(texts("#data-items .item-name")).containsExactly("统一社会信用代码", "企业名称", "年报年度");
        assertThat(text("#notice")).contains(text("#resource-code"));
        screenshot("3-draft");

        clickConfirmAndWaitForPage($("#submit-resource"), zh("catalog.action.submit.confirm"));
        assertThat(status()).isEqualTo("SUBMITTED");
        assertThat(present("#edit-resource")).isFalse();
        assertThat(present("#review-panel")).as("providers do not review their own").isFalse();

        // ---- the authority returns it with a comment
        signInAs("admin");
        open("/");
        clickAndWaitForPage(By.id("nav-catalog-review"));
        assertThat(present("#review-queue tr[data-id='" + id + "']")).isTrue();
        screenshot("4-review-queue");
        clickAndWaitForPage(By.cssSelector("#review-queue tr[data-id='" + id + "'] a.resource-link"));
        type("#review-comment-input", "请在摘要中写明数据覆盖的年度范围");
        clickAndWaitForPage(By.id("return"));
        assertThat(text("#notice")).isEqualTo(zh("catalog.notice.returned", text("#resource-code")));
        assertThat(status()).isEqualTo("DRAFT");

        // ---- the steward reads the comment, fixes and resubmits
        signInAs("scjg_steward");
        open("/catalog/resources/" + id);
        assertThat(text("#review-comment")).contains("年度范围");
        screenshot("5-returned");
        clickAndWaitForPage(By.id("edit-resource"));
        type("#summary", "2019 年以来企业年度报告中公示的经营状况、资产状况等信息。");
        clickAndWaitForPage(By.id("save-resource"));
        clickConfirmAndWaitForPage($("#submit-resource"), zh("catalog.action.submit.confirm"));
        assertThat(status()).isEqualTo("SUBMITTED");

        // ---- the authority approves: version 1
        signInAs("admin");
        open("/catalog/resources/" + id);
        clickConfirmAndWaitForPage($("#approve"), zh("catalog.action.approve.confirm"));
        assertThat(status()).isEqualTo("PUBLISHED");
        assertThat(text("#resource-version")).isEqualTo(zh("catalog.resource.published", 1));

        // ---- another department sees the published resource, never a draft
        String draft = apiPostAs("scjg_steward", "/api/v1/catalog/resources", Map.of(
            "classificationCode", "303002", "name", "未发布草稿" + Long.toString(System.nanoTime(), 36),
            "format", "DATABASE", "shareType", "UNCONDITIONAL", "openType", "NOT_OPEN", "updateCycle", "MONTHLY",
            "dataItems", List.of(Map.of("name", "许可证编号", "codeName", "xkzbh", "dataType", "STRING", "length", 30))))
            .get("id").asString();
        signInAs("rsj_admin");
        open("/catalog/resources/" + id);
        assertThat(text("#resource-name")).isEqualTo(name);
        assertThat(present("#resource-actions")).isFalse();
        assertThat(present("#review-panel")).isFalse();
        open("/catalog/resources/" + draft);
        assertThat(text("#error-message")).isEqualTo(zh("error.403"));
        screenshot("6-draft-forbidden");

        // ---- a change renames a data item, reviewed again
        signInAs("scjg_steward");
        open("/catalog/resources/" + id);
        clickAndWaitForPage(By.id("start-change"));
        assertThat(path()).isEqualTo("/catalog/resources/" + id + "/edit");
        type("#item-1-name", "企业名称（含字号）");
        clickAndWaitForPage(By.id("save-resource"));
        assertThat(status()).isEqualTo("CHANGE_DRAFT");
        assertThat(present("#working-copy-note")).isTrue();
        clickConfirmAndWaitForPage($("#submit-resource"), zh("catalog.action.submit.confirm"));
        assertThat(status()).isEqualTo("CHANGE_SUBMITTED");

        signInAs("admin");
        open("/catalog/review");
        assertThat(present("#review-queue tr[data-id='" + id + "']")).isTrue();
        open("/catalog/resources/" + id);
        type("#review-comment-input", "同意变更");
        clickConfirmAndWaitForPage($("#approve"), zh("catalog.action.approve.confirm"));
        assertThat(text("#resource-version")).isEqualTo(zh("catalog.resource.published", 2));

        // ---- the version history and the diff between v1 and v2
        clickAndWaitForPage(By.id("tab-versions"));
        assertThat($$("#versions tbody tr")).hasSize(2);
        assertThat(text("#diff-title")).isEqualTo(zh("catalog.diff.title", 1, 2));
        WebElement renamed = $("#diff-items tr[data-item='qymc']");
        assertThat(renamed.getAttribute("data-change")).isEqualTo("changed");
        assertThat(renamed.findElement(By.cssSelector(".diff-before")).getText()).isEqualTo("企业名称");
        assertThat(renamed.findElement(By.cssSelector(".diff-after")).getText()).isEqualTo("企业名称（含字号）");
        assertThat(renamed.getText()).contains(zh("field.name"));
        assertThat($$("#diff-items tr[data-item='qymc']")).as("only the name changed").hasSize(1);
        assertThat(present("#diff-fields")).isFalse();
        screenshot("7-diff");

        // picking the versions again swaps the diff in place (htmx)
        new Select($("#diff-from")).selectByValue("2");
        new Select($("#diff-to")).selectByValue("1");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('diff').dataset.old = 'yes'");
        $("#diff-show").click();
        tolerantWait().until(d -> !present("#diff[data-old]") && present("#diff-title"));
        assertThat(text("#diff-title")).isEqualTo(zh("catalog.diff.title", 2, 1));
        assertThat(path()).isEqualTo("/catalog/resources/" + id + "/versions");

        // ---- the authority's dashboard charts published resources by provider
        open("/");
        wait.until(d -> "true".equals($("[data-chart-src$='/catalog/stats/providers']").getAttribute("data-chart-drawn")));
        assertThat(texts(".card .text-muted")).contains(zh("catalog.stats.awaiting-review"), zh("catalog.stats.published-total"));
        screenshot("8-dashboard");

        // ---- the list of the steward's own catalog
        signInAs("scjg_steward");
        open("/catalog/resources");
        assertThat(texts("#resources a.resource-link")).contains(name);
        screenshot("9-my-catalog");
    }

    private void scrollTo(String css) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", $(css));
    }

    @Test
    void theAuthorityCataloguesForADepartmentInEnglish() {
        String name = "Construction permits " + Long.toString(System.nanoTime(), 36);
        signInAs("admin");
        open("/catalog/resources/new?lang=en");
        try {
            assertThat(text("h1")).isEqualTo(en("catalog.form.new"));
            new Select($("#providerId")).selectByVisibleText("成都市龙泉驿区住房建设和交通运输局");
            new Select($("#classificationCode")).selectByValue("309001");
            type("#name", name);
            $("#shareType-NOT_SHARED").click();
            assertThat($("#legalBasis-group").isDisplayed()).isTrue();
            assertThat($("#shareCondition-group").isDisplayed()).isFalse();
            type("#legalBasis", "《中华人民共和国保守国家秘密法》第二十八条");
            new Select($("#openType")).selectByValue("CONDITIONAL");
            assertThat($("#openCondition-group").isDisplayed()).isTrue();
            new Select($("#openType")).selectByValue("NOT_OPEN");
            fillItem(0, "施工许可证编号", "sgxkzbh", "STRING", "40");
            new Select($("#item-0-authoritativeSourceId")).selectByVisibleText("区住建交通局");
            screenshot("en-1-editor");
            clickAndWaitForPage(By.id("save-resource"));

            assertThat(text("#resource-name")).isEqualTo(name);
            assertThat(text("#meta-provider")).isEqualTo("区住建交通局");
            assertThat(text("#meta-share")).startsWith(en("catalog.shareType.NOT_SHARED"));
            assertThat(text("#notice")).isEqualTo(en("catalog.notice.registered", text("#resource-code")));
            screenshot("en-2-resource");
        } finally {
            open("/?lang=zh-CN");
        }
    }

    private void fillItem(int row, String name, String codeName, String dataType, String length) {
        type("#item-" + row + "-name", name);
        type("#item-" + row + "-codeName", codeName);
        if (dataType != null) {
            new Select($("#item-" + row + "-dataType")).selectByValue(dataType);
        }
        if (length != null) {
            type("#item-" + row + "-length", length);
        }
    }

    private List<String> rowNames() {
        return $$("#items-table tbody.item-row input[name$='.name']").stream()
            .map(e -> e.getDomProperty("value")).toList();
    }

    private WebElement rowButton(int row, String action) {
        return $$("#items-table tbody.item-row").get(row).findElement(By.cssSelector("[data-row-action='" + action + "']"));
    }

    private String status() {
        return $("#resource-status .catalog-status").getAttribute("data-status");
    }
}
