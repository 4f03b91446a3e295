package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.dataset.ConsoleFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A data steward loads records of a published resource in the console: a flawed GBK file is
 * previewed (encoding and mapping detected), loads nothing and lists every bad row with its reason
 * in Chinese, and its report downloads; the corrected file becomes version 1 and its rows show in
 * the records browser.
 */
@IntegrationTest
class DatasetConsoleBrowserIT extends BrowserTestSupport {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aFlawedGbkFileIsRejectedRowByRowAndACleanOneBecomesVersion1() throws IOException {
        UUID resource = ConsoleFixtures.published(port, "scjg_steward", "浏览器归集", ConsoleFixtures.RESIDENT_ITEMS);
        String zhang = ConsoleFixtures.residentId("51011219900101123");
        String li = ConsoleFixtures.residentId("51011219850505456");
        String bad = ConsoleFixtures.badResidentId("51011219850505456");
        String zhao = ConsoleFixtures.residentId("51011219920303789");

        signInAs("scjg_steward");
        open("/datasets");
        assertThat(present("#nav-datasets")).isTrue();
        assertThat(text("#datasets")).contains("浏览器归集");
        open("/datasets/" + resource);
        assertThat(text("#dataset-version")).isEqualTo("0");
        screenshot("empty");

        // line 3: bad check digit, line 4: no key, lines 2 and 5: the same key
        Path flawed = csv("公民身份号码,姓名,出生日期\n"
            + zhang + ",张三,1990-01-01\n"
            + bad + ",李四,1985-05-05\n"
            + ",王五,1991-02-02\n"
            + zhang + ",赵六,1992-03-03\n");
        upload(flawed);
        assertThat(text("#preview-charset")).isEqualTo("GBK");
        assertThat(text("#preview-format")).isEqualTo("CSV");
        assertThat(texts("#preview-table .preview-column")).containsExactly("公民身份号码", "姓名", "出生日期");
        assertThat(new Select($("#item-0")).getFirstSelectedOption().getAttribute("value")).isEqualTo("sfzh");
        assertThat(new Select($("#item-1")).getFirstSelectedOption().getAttribute("value")).isEqualTo("xm");
        assertThat(new Select($("#item-2")).getFirstSelectedOption().getAttribute("value")).isEqualTo("csrq");
        assertThat($$("#preview-table .preview-row")).hasSize(4);
        screenshot("preview");
        clickAndWaitForPage(By.id("start-load"));
        assertThat(path()).startsWith("/datasets/loads/");
        waitUntilFinished();
        screenshot("flawed");
        assertThat(text("#load-state")).isEqualTo(zh("dataset.state.FAILED"));
        assertThat(text("#rows-rejected")).isEqualTo("4");
        List<WebElement> rows = $$("#rejections tbody tr");
        assertThat(rows.stream().map(r -> cell(r, "r-row") + " " + cell(r, "r-item")).toList())
            .containsExactly("2 sfzh", "3 sfzh", "4 sfzh", "5 sfzh");
        assertThat(rows.stream().map(r -> r.getAttribute("data-code")).toList())
            .containsExactly("duplicate-key", "resident-id-invalid", "required", "duplicate-key");
        assertThat(cell(rows.get(1), "r-value")).isEqualTo(bad);
        assertThat(cell(rows.get(0), "r-reason")).isEqualTo(zh("dataset.rejection.duplicate-key", 5));
        assertThat(cell(rows.get(2), "r-reason")).isEqualTo(zh("dataset.rejection.required"));
        assertThat(cell(rows.get(1), "r-reason")).as("the failed rule in Chinese too")
            .isEqualTo(zh("dataset.rejection.resident-id-invalid", zh("dataset.identifier-rule.checkDigit")));
        for (WebElement r : rows) {
            String code = r.getAttribute("data-code");
            assertThat(cell(r, "r-reason")).as(code).isNotBlank().matches(s -> hasChinese(s));
        }
        String report = fetch($("#download-rejections").getAttribute("href"));
        assertThat(report).contains(bad, cell(rows.get(1), "r-reason"), cell(rows.get(2), "r-reason"));
        assertThat(report.lines().count()).as(report).isEqualTo(5);

        open("/datasets/" + resource);
        assertThat(text("#dataset-version")).isEqualTo("0");
        Path clean = csv("公民身份号码,姓名,出生日期\n"
            + zhang + ",张三,1990-01-01\n"
            + li + ",李四,1985-05-05\n"
            + zhao + ",赵六,1992-03-03\n");
        upload(clean);
        clickAndWaitForPage(By.id("start-load"));
        waitUntilFinished();
        screenshot("clean");
        assertThat(text("#load-state")).isEqualTo(zh("dataset.state.SUCCEEDED"));
        assertThat(text("#inserted")).isEqualTo("3");
        assertThat(present("#rejections")).isFalse();

        clickAndWaitForPage(By.id("back-to-dataset"));
        assertThat(text("#dataset-version")).isEqualTo("1");
        assertThat(text("#dataset-records")).isEqualTo("3");
        assertThat(present("#rollback")).isTrue();
        clickAndWaitForPage(By.id("records-link"));
        screenshot("records");
        assertThat(text("#records")).contains(zhang, "张三", li, "李四", zhao, "赵六", "1992-03-03");
        assertThat($$("#records .record-row")).hasSize(3);

        // the newest applied load can be undone: a rollback load restores the empty dataset as version 2
        open("/datasets/" + resource);
        clickConfirmAndWaitForPage($("#rollback"), zh("dataset.rollback.confirm", 1));
        assertThat(path()).startsWith("/datasets/loads/");
        waitUntilFinished();
        screenshot("rolled-back");
        assertThat(text("#load-state")).isEqualTo(zh("dataset.state.SUCCEEDED"));
        assertThat(text("#deleted")).isEqualTo("3");
        clickAndWaitForPage(By.id("back-to-dataset"));
        assertThat(text("#dataset-version")).isEqualTo("2");
        assertThat(text("#dataset-records")).isEqualTo("0");
        assertThat(texts("#loads .load-state")).startsWith(zh("dataset.state.SUCCEEDED"), zh("dataset.state.ROLLED_BACK"),
            zh("dataset.state.FAILED"));
    }

    private void upload(Path file) {
        $("#upload-file").sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForPage(By.id("preview-upload"));
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile("govshare-dataset-", ".csv");
        Files.write(file, content.getBytes(GBK));
        file.toFile().deleteOnExit();
        return file;
    }

    /** The progress fragment polls every second and stops once the load has finished. */
    private void waitUntilFinished() {
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
            .ignoring(WebDriverException.class).until(d -> {
                String state = d.findElement(By.id("load-progress")).getAttribute("data-state");
                return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
            });
    }

    private static String cell(WebElement row, String cls) {
        return row.findElement(By.className(cls)).getText().trim();
    }

    /** Reads a link in the browser's own session, as the download would. */
    private String fetch(String href) {
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));", href);
        return String.valueOf(text);
    }
}
