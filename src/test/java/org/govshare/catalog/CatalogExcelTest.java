package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.catalog.ExcelFiles.Formula;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogExcelTest {

    @LocalServerPort
    int port;

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).substring(4) + "-";
    }

    private JsonNode importFile(String user, byte[] file, String mode) {
        Response r = ExcelFiles.upload(port, user, "目录.xlsx", file, mode, null);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return ExcelFiles.await(port, user, r.text("id"));
    }

    private JsonNode list(String user, String q) {
        return HttpApi.as(port, user).get("/api/v1/catalog/resources?size=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
            .json();
    }

    @Test
    void theTemplateHasTheSheetsFrozenBoldHeadersAndDropdowns() throws IOException {
        for (String path : List.of("/api/v1/catalog/template.xlsx", "/catalog/import/template.xlsx")) {
            try (Workbook wb = ExcelFiles.open(ExcelFiles.download(port, "scjg_steward", path))) {
                assertThat(wb.getSheetName(0)).isEqualTo("资源");
                assertThat(wb.getSheetName(1)).isEqualTo("信息项");
                assertThat(wb.getSheet("说明")).isNotNull();
                assertThat(wb.isSheetHidden(wb.getSheetIndex("代码表"))).isTrue();

                XSSFSheet resources = (XSSFSheet) wb.getSheet("资源");
                assertThat(resources.getRow(0).getCell(0).getStringCellValue()).isEqualTo("资源序号");
                assertThat(((XSSFFont) wb.getFontAt(resources.getRow(0).getCell(2).getCellStyle().getFontIndex())).getBold()).isTrue();
                assertThat(resources.getPaneInformation().isFreezePane()).isTrue();
                assertThat(resources.getColumnWidth(2)).isGreaterThan(20 * 256);
                assertThat(resources.getRow(1).getCell(0).getStringCellValue()).isEqualTo("示例");

                Map<String, String> dropdowns = new HashMap<>();
                for (DataValidation v : resources.getDataValidations()) {
                    String column = CellReference.convertNumToColString(v.getRegions().getCellRangeAddress(0).getFirstColumn());
                    dropdowns.put(column, v.getValidationConstraint().getFormula1());
                }
                // 分类代码 B, 格式 E, 共享类型 F, 共享方式 H, 开放类型 I, 更新周期 K
                assertThat(dropdowns).containsEntry("B", "list_classification").containsEntry("E", "list_format")
                    .containsEntry("F", "list_share_type").containsEntry("H", "list_share_mode")
                    .containsEntry("I", "list_open_type").containsEntry("K", "list_update_cycle");
                XSSFSheet items = (XSSFSheet) wb.getSheet("信息项");
                assertThat(items.getDataValidations()).extracting(v -> v.getValidationConstraint().getFormula1())
                    .contains("list_data_type", "list_sensitivity", "list_share_type", "list_organization", "list_yes_no");

                String shareTypes = wb.getName("list_share_type").getRefersToFormula();
                Sheet lists = wb.getSheet("代码表");
                CellReference first = new CellReference(shareTypes.substring(shareTypes.indexOf('!') + 1).split(":")[0]);
                List<String> labels = new ArrayList<>();
                for (int r = first.getRow(); r < first.getRow() + 3; r++) {
                    labels.add(lists.getRow(r).getCell(first.getCol()).getStringCellValue());
                }
                assertThat(labels).containsExactly("无条件共享", "有条件共享", "不予共享");
            }
        }
    }

    @Test
    void aCleanFileOf300ResourcesImportsAllOrNothingAsDrafts() {
        String prefix = unique("批量");
        byte[] file = ExcelFiles.clean(prefix, 300, 10);
        long start = System.nanoTime();
        JsonNode done = importFile("scjg_steward", file, "ALL_OR_NOTHING");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("IMPORT 300 resources x 10 items (%d bytes): %d ms%n", file.length, millis);

        JsonNode job = done.get("job");
        assertThat(job.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("importedCount").asInt()).isEqualTo(300);
        assertThat(job.get("totalRows").asInt()).isEqualTo(300 + 3000);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        JsonNode page = list("scjg_steward", prefix);
        assertThat(page.get("totalElements").asInt()).isEqualTo(300);
        assertThat(page.get("items").findValuesAsString("status")).containsOnly("DRAFT");
        String id = page.get("items").get(0).get("id").asString();
        JsonNode resource = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + id).json();
        assertThat(resource.get("dataItems").size()).isEqualTo(10);
        assertThat(resource.get("code").asString()).startsWith("303001/");
    }

    /** Resource rows 2..9 and item rows 2..11, each bad cell in a known place. */
    private static byte[] flawedFile(String prefix) {
        List<List<Object>> r = new ArrayList<>();
        r.add(resource(1, "303001", prefix + "好资源", "无条件共享", ""));
        r.add(resource(2, "303001", "", "无条件共享", ""));
        r.add(resource(3, "999999", prefix + "未知分类", "无条件共享", ""));
        r.add(resource(4, "303001", prefix + "缺条件", "有条件共享", ""));
        r.add(resource(5, "303001", prefix + "未知标签", "随便共享", ""));
        r.add(resource(6, "303001", new Formula("CONCATENATE(\"a\",\"b\")"), "无条件共享", ""));
        r.add(resource(7, "303001", prefix + "缺类型", "无条件共享", ""));
        r.add(resource(8, "303001", prefix + "重复代码名", "无条件共享", ""));
        List<List<Object>> i = new ArrayList<>();
        i.add(item(1, "统一社会信用代码", "uscc", "字符型", 18));
        i.add(item(1, "企业名称", "name", "字符型", 200));
        for (int k = 2; k <= 6; k++) {
            i.add(item(k, "企业名称", "name", "字符型", 200));
        }
        i.add(item(7, "成立日期", "established", "", ""));
        i.add(item(8, "企业名称", "dup", "字符型", 100));
        i.add(item(8, "注册地址", "dup", "字符型", 100));
        return ExcelFiles.workbook(r, i);
    }

    private static List<Object> resource(int key, String classification, Object name, String shareType, String condition) {
        return List.of(key, classification, name, "摘要", "数据库", shareType, condition, "", "不予开放", "", "每月",
            "", "", "", "");
    }

    private static List<Object> item(int key, String name, String codeName, String type, Object length) {
        return List.of(key, name, codeName, type, length, "", "", "", "", "", "", "", "");
    }

    @Test
    void everyBadCellIsReportedWithSheetRowAndColumnAndNothingIsImported() {
        String prefix = unique("问题");
        JsonNode done = importFile("scjg_steward", flawedFile(prefix), null);
        assertThat(done.get("job").get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("job").get("importedCount").asInt()).isZero();
        assertThat(done.get("job").get("rejectedCount").asInt()).isEqualTo(7);
        List<JsonNode> problems = new ArrayList<>();
        done.get("problems").forEach(problems::add);
        assertThat(problems).extracting(p -> p.get("sheet").asString(), p -> p.get("row").asInt(),
                p -> p.get("column").asString(), p -> p.get("header").asString(), p -> p.get("code").asString())
            .containsExactly(
                tuple("资源", 3, "C", "名称", "required"),
                tuple("资源", 4, "B", "分类代码", "classification-unknown"),
                tuple("资源", 5, "G", "共享条件", "share-condition-required"),
                tuple("资源", 6, "F", "共享类型", "unknown-label"),
                tuple("资源", 7, "C", "名称", "formula-not-allowed"),
                tuple("信息项", 9, "D", "数据类型", "item-type-required"),
                tuple("信息项", 11, "C", "代码名", "item-code-duplicate"));
        assertThat(problems.get(0).get("message").asString()).contains("名称");
        assertThat(problems.get(3).get("message").asString()).contains("随便共享", "无条件共享");
        assertThat(problems.get(4).get("value").asString()).startsWith("=CONCATENATE");
        assertThat(problems.get(6).get("message").asString()).contains("dup");
        assertThat(list("scjg_steward", prefix).get("totalElements").asInt()).isZero();

        JsonNode english = HttpApi.as(port, "scjg_steward").inEnglish()
            .get("/api/v1/catalog/imports/" + done.get("job").get("id").asString()).json();
        assertThat(english.get("problems").get(2).get("message").asString()).isEqualTo("Conditional sharing needs a share condition.");

        try (Workbook report = ExcelFiles.open(ExcelFiles.download(port, "scjg_steward",
                "/api/v1/catalog/imports/" + done.get("job").get("id").asString() + "/errors.xlsx"))) {
            Sheet s = report.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(7);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("资源");
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("C");
            assertThat(s.getRow(5).getCell(4).getStringCellValue()).startsWith("=CONCATENATE");
            assertThat(s.getRow(5).getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keepValidRegistersOnlyTheCleanResources() {
        String prefix = unique("保留");
        JsonNode done = importFile("scjg_steward", flawedFile(prefix), "KEEP_VALID");
        assertThat(done.get("job").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("job").get("importedCount").asInt()).isEqualTo(1);
        assertThat(done.get("job").get("rejectedCount").asInt()).isEqualTo(7);
        assertThat(done.get("problems").size()).isEqualTo(7);
        JsonNode page = list("scjg_steward", prefix);
        assertThat(page.get("items").findValuesAsString("name")).containsExactly(prefix + "好资源");
    }

    @Test
    void filesThatAreNotWorkbooksAreRefusedAtOnce() throws IOException {
        Response csv = ExcelFiles.upload(port, "scjg_steward", "目录.xlsx",
            "资源序号,名称\n1,企业\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(csv.status()).isEqualTo(422);
        assertThat(csv.contentType()).contains("application/problem+json");
        assertThat(csv.text("field")).isEqualTo("file");
        assertThat(csv.text("code")).isEqualTo("file-not-xlsx");

        Response pdf = ExcelFiles.upload(port, "scjg_steward", "目录.xlsx",
            "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII), null, null);
        assertThat(pdf.status()).isEqualTo(422);
        assertThat(pdf.text("code")).isEqualTo("file-not-xlsx");

        Response big = ExcelFiles.upload(port, "scjg_steward", "目录.xlsx", new byte[21 * 1024 * 1024], null, null);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.contentType()).contains("application/problem+json");
        assertThat(big.text("code")).isEqualTo("file-too-large");
        assertThat(big.text("field")).isEqualTo("file");

        Response bomb = ExcelFiles.upload(port, "scjg_steward", "目录.xlsx", zipBomb(), null, null);
        assertThat(bomb.status()).as(bomb.body()).isEqualTo(422);
        assertThat(bomb.text("code")).isEqualTo("file-zip-bomb");
        assertThat(bomb.text("field")).isEqualTo("file");

        ByteArrayOutputStream noSheets = new ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
            wb.write(noSheets);
        }
        Response missing = ExcelFiles.upload(port, "scjg_steward", "目录.xlsx", noSheets.toByteArray(), null, null);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("code")).isEqualTo("sheet-missing");
        assertThat(missing.text("detail")).contains("资源");
    }

    /** A zip with the parts of a workbook and one part of 64 MB of zeros that deflates to almost nothing. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void anotherDepartmentCannotSeeOrCancelAJob() {
        JsonNode done = importFile("scjg_steward", ExcelFiles.clean(unique("他人"), 1, 2), null);
        String id = done.get("job").get("id").asString();
        HttpApi other = HttpApi.as(port, "rsj_steward");
        assertThat(other.get("/api/v1/catalog/imports/" + id).status()).isEqualTo(403);
        assertThat(other.get("/api/v1/catalog/imports/" + id + "/errors.xlsx").status()).isEqualTo(403);
        assertThat(other.post("/api/v1/catalog/imports/" + id + "/cancel", null).status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "admin").get("/api/v1/catalog/imports/" + id).status()).isEqualTo(200);
        assertThat(other.get("/api/v1/catalog/imports").json().findValuesAsString("id")).doesNotContain(id);
    }

    /** Off by default (a minute of work): -Dgovshare.bench.excel=true measures a 5,000-resource file. */
    @Test
    void aFileOf5000ResourcesImports() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("govshare.bench.excel"));
        String prefix = unique("大批");
        byte[] file = ExcelFiles.clean(prefix, 5000, 10);
        long start = System.nanoTime();
        JsonNode done = importFile("gaj_steward", file, "ALL_OR_NOTHING");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("IMPORT 5000 resources x 10 items (%d bytes): %d ms%n", file.length, millis);
        assertThat(done.get("job").get("importedCount").asInt()).as(done.toString()).isEqualTo(5000);
    }

    @Test
    void anExportImportsAgainAsIdenticalDrafts() throws IOException {
        String prefix = unique("往返");
        String source = organizationId("成都市龙泉驿区市场监督管理局");
        List<List<Object>> r = List.of(
            List.of("a", "303002 行政许可和检查", prefix + "许可检查", "许可和检查结果", "接口", "有条件共享", "用于监管", "电子邮件",
                "有条件开放", "申请后开放", "每季度", java.time.LocalDate.of(2025, 3, 1), "", "", "许可,检查"),
            List.of("b", "303001", prefix + "不予共享资源", "", "文本文件", "不予共享", "", "", "不予开放", "", "不定期", "",
                "", "《中华人民共和国保守国家秘密法》", ""));
        List<List<Object>> i = List.of(
            List.of("a", "许可证号", "licence_no", "字符型", 32, "许可证编号", "公开", "有条件共享", "", "", "许可证编号",
                "成都市龙泉驿区市场监督管理局", "是"),
            List.of("a", "检查结果", "result", "字符型", 200, "", "敏感", "不予共享", "", "涉及商业秘密", "", "", "否"),
            List.of("a", "检查日期", "checked_on", "日期型", "", "", "", "", "", "", "", "", ""),
            List.of("b", "金额", "amount", "数值型", 18, "", "受限", "", "", "", "", "", ""));
        JsonNode first = importFile("scjg_steward", ExcelFiles.workbook(r, i), null);
        assertThat(first.get("job").get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");

        byte[] export = ExcelFiles.download(port, "scjg_steward", "/api/v1/catalog/export.xlsx?providerId=" + source
            + "&status=DRAFT&q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        try (Workbook wb = ExcelFiles.open(export)) {
            assertThat(wb.getSheet("资源").getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("信息项").getLastRowNum()).isEqualTo(4);
            assertThat(wb.getSheet("资源").getRow(0).getCell(15).getStringCellValue()).isEqualTo("资源代码");
        }
        JsonNode second = importFile("scjg_steward", export, null);
        assertThat(second.get("job").get("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("job").get("importedCount").asInt()).isEqualTo(2);

        Map<String, List<JsonNode>> byName = new HashMap<>();
        HttpApi api = HttpApi.as(port, "scjg_steward");
        for (JsonNode s : list("scjg_steward", prefix).get("items")) {
            JsonNode full = api.get("/api/v1/catalog/resources/" + s.get("id").asString()).json();
            byName.computeIfAbsent(full.get("name").asString(), k -> new ArrayList<>()).add(full);
        }
        assertThat(byName).hasSize(2);
        for (List<JsonNode> pair : byName.values()) {
            assertThat(pair).hasSize(2);
            assertThat(comparable(pair.get(0))).isEqualTo(comparable(pair.get(1)));
        }
        JsonNode licence = byName.get(prefix + "许可检查").get(0);
        assertThat(licence.get("releaseDate").asString()).isEqualTo("2025-03-01");
        assertThat(licence.get("dataItems").get(0).get("authoritativeSourceId").asString()).isEqualTo(source);
        assertThat(licence.get("dataItems").get(1).get("shareType").asString()).isEqualTo("NOT_SHARED");
    }

    /** A resource without what differs between two registrations of the same draft. */
    private static JsonNode comparable(JsonNode resource) {
        var copy = (tools.jackson.databind.node.ObjectNode) resource.deepCopy();
        copy.remove(List.of("id", "code", "version", "updatedAt"));
        return copy;
    }

    private String organizationId(String name) {
        for (JsonNode o : HttpApi.as(port, "admin").get("/api/v1/organizations?size=200").json().get("items")) {
            if (o.get("name").asString().equals(name)) {
                return o.get("id").asString();
            }
        }
        throw new AssertionError(name);
    }
}
