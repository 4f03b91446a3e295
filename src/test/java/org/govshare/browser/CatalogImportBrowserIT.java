package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A data steward catalogues by Excel in the console: a flawed file comes back with its bad cells
 * by sheet, row and column and registers nothing; the corrected file runs to 100 %.
 */
@IntegrationTest
class CatalogImportBrowserIT extends BrowserTestSupport {

    private static final List<String> RESOURCE_HEADERS = List.of("资源序号", "分类代码", "名称", "摘要", "格式", "共享类型",
        "共享条件", "共享方式", "开放类型", "开放条件", "更新周期", "发布日期", "关联资源代码", "不予共享依据", "关键词");
    private static final List<String> ITEM_HEADERS = List.of("资源序号", "名称", "代码名", "数据类型", "长度", "描述", "敏感级别",
        "共享类型", "共享条件", "不予共享依据", "标准名称", "权威来源部门", "主键");

    @Test
    void aFlawedFileShowsItsBadCellsAndACleanOneReaches100Percent() throws IOException {
        String prefix = "浏览器导入" + Long.toString(System.nanoTime(), 36).substring(5);
        signInAs("scjg_steward");
        open("/catalog/import");
        assertThat(present("#download-template")).isTrue();
        assertThat(present("#export-catalog")).isTrue();

        // resource 2 has no share condition, item of resource 1 has no data type
        Path flawed = workbook(prefix, 2, true);
        upload(flawed);
        assertThat(path()).startsWith("/catalog/import/");
        waitUntilFinished();
        screenshot("flawed");
        assertThat(text("#job-status")).isEqualTo(zh("excel.status.FAILED"));
        List<WebElement> rows = $$("#import-problems tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(cells(rows.get(0))).containsExactly("资源", "3", "G", "共享条件", "",
            zh("problem.share-condition-required"));
        assertThat(cells(rows.get(1)).subList(0, 4)).containsExactly("信息项", "2", "D", "数据类型");
        assertThat(present("#download-errors")).isTrue();

        open("/catalog/import");
        Path clean = workbook(prefix, 40, false);
        upload(clean);
        waitUntilFinished();
        screenshot("clean");
        assertThat(text("#job-status")).isEqualTo(zh("excel.status.SUCCEEDED"));
        assertThat(text("#job-progress .progress-bar")).isEqualTo("100%");
        assertThat($("#job-progress").getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(text("#job-summary")).contains("40");
        assertThat(present("#import-problems")).isFalse();

        open("/catalog/import");
        assertThat(text("#import-jobs tbody tr:first-child")).contains(zh("excel.status.SUCCEEDED"));
    }

    private void upload(Path file) {
        $("#import-file").sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForPage(By.id("start-import"));
    }

    /** The progress fragment polls every second and stops once the job has finished. */
    private void waitUntilFinished() {
        // htmx swaps the fragment under our feet while polling: a stale element just means "look again"
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(d -> {
            String status = d.findElement(By.id("import-progress")).getAttribute("data-status");
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status);
        });
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(e -> e.getText().trim()).toList();
    }

    private static Path workbook(String prefix, int resources, boolean flawed) throws IOException {
        Path file = Files.createTempFile("govshare-browser-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet r = wb.createSheet("资源");
            Sheet i = wb.createSheet("信息项");
            row(r, 0, RESOURCE_HEADERS);
            row(i, 0, ITEM_HEADERS);
            int itemRow = 1;
            for (int n = 1; n <= resources; n++) {
                boolean conditional = n % 2 == 0;
                String condition = conditional && !(flawed && n == 2) ? "用于审批" : "";
                row(r, n, List.of(String.valueOf(n), "303001", prefix + "资源" + n, "摘要", "数据库",
                    conditional ? "有条件共享" : "无条件共享", condition, "共享平台", "不予开放", "", "每日", "", "", "", ""));
                for (int k = 1; k <= 3; k++) {
                    String type = flawed && n == 1 && k == 1 ? "" : "字符型";
                    row(i, itemRow++, List.of(String.valueOf(n), "信息项" + k, "item_" + k, type, "20", "", "", "", "", "",
                        "", "", ""));
                }
            }
            wb.write(out);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static void row(Sheet sheet, int index, List<String> values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.createCell(c).setCellValue(values.get(c));
            }
        }
    }
}
