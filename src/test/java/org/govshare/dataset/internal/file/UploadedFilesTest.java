package org.govshare.dataset.internal.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.dataset.FilePreview;
import org.govshare.dataset.FilePreview.FileFormat;
import org.govshare.dataset.internal.load.FileSources.DetectedFile;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;
import org.govshare.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file channel's reader on real files written here: detection, decoding, row numbers, refusals. */
class UploadedFilesTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private final UploadedFiles files = new UploadedFiles();

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private DetectedFile detect(String name, byte[] content) throws IOException {
        return files.detect(write(name, content), name);
    }

    private List<List<String>> rows(DetectedFile f, List<Long> numbers) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (RowSource s = files.open(f)) {
            String[] r;
            while ((r = s.next()) != null) {
                rows.add(Arrays.asList(r));
                numbers.add(s.rowNumber());
            }
            assertThat(s.progressDone()).isEqualTo(s.progressTotal());
        }
        return rows;
    }

    private List<String> columns(DetectedFile f) throws IOException {
        try (RowSource s = files.open(f)) {
            return s.columns();
        }
    }

    private static ProblemException problem(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a ProblemException, got " + e, e);
        }
        throw new AssertionError("expected a ProblemException");
    }

    private static SourceException sourceFailure(ThrowingRunnable r) {
        try {
            r.run();
        } catch (SourceException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a SourceException, got " + e, e);
        }
        throw new AssertionError("expected a SourceException");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void utf8CsvWithQuotedCommasAndNewlinesKeepsLineNumbers() throws IOException {
        String csv = "名称, 代码 ,备注\n"
            + "甲,1,\"含,逗号\"\n"
            + "\n"
            + "乙,2,\"两\n行\"\n"
            + "丙,3,\n";
        DetectedFile f = detect("data.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(f.format()).isEqualTo(FileFormat.CSV);
        assertThat(f.charset()).isEqualTo("UTF-8");
        assertThat(f.delimiter()).isEqualTo(',');
        assertThat(columns(f)).containsExactly("名称", "代码", "备注");
        List<Long> numbers = new ArrayList<>();
        List<List<String>> rows = rows(f, numbers);
        assertThat(rows).containsExactly(Arrays.asList("甲", "1", "含,逗号"), Arrays.asList("乙", "2", "两\n行"),
            Arrays.asList("丙", "3", null));
        assertThat(numbers).containsExactly(2L, 4L, 6L);
    }

    @Test
    void utf8BomIsDetectedAndStripped() throws IOException {
        byte[] body = "code,name\nA1,x\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        DetectedFile f = detect("bom.csv", withBom);
        assertThat(f.charset()).isEqualTo("UTF-8");
        assertThat(columns(f)).containsExactly("code", "name");
        assertThat(rows(f, new ArrayList<>())).containsExactly(List.of("A1", "x"));
    }

    @Test
    void utf16WithBomIsRead() throws IOException {
        byte[] body = "code;name\nA1;甲\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        DetectedFile f = detect("u16.csv", withBom);
        assertThat(f.charset()).isEqualTo("UTF-16LE");
        assertThat(f.delimiter()).isEqualTo(';');
        assertThat(rows(f, new ArrayList<>())).containsExactly(List.of("A1", "甲"));
    }

    @Test
    void gbkWithChineseHeadersIsDetected() throws IOException {
        String csv = "统一社会信用代码,企业名称,法定代表人\n91510112MA6CXXXX0X,成都龙泉驿某某有限公司,张三\n";
        DetectedFile f = detect("企业.csv", csv.getBytes(GBK));
        assertThat(f.charset()).isEqualTo("GBK");
        assertThat(columns(f)).containsExactly("统一社会信用代码", "企业名称", "法定代表人");
        assertThat(rows(f, new ArrayList<>())).containsExactly(List.of("91510112MA6CXXXX0X", "成都龙泉驿某某有限公司", "张三"));
    }

    @Test
    void semicolonTabAndPipeDelimitersAreDetectedWithQuotesRespected() throws IOException {
        DetectedFile semi = detect("s.csv", "a;b;c\n\"1,5\";2;3\n4;5;6\n".getBytes(StandardCharsets.UTF_8));
        assertThat(semi.delimiter()).isEqualTo(';');
        assertThat(rows(semi, new ArrayList<>())).containsExactly(List.of("1,5", "2", "3"), List.of("4", "5", "6"));
        DetectedFile tab = detect("t.txt", "a\tb\n1,2\t3\n4\t5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tab.delimiter()).isEqualTo('\t');
        assertThat(rows(tab, new ArrayList<>())).containsExactly(List.of("1,2", "3"), List.of("4", "5"));
        DetectedFile pipe = detect("p.csv", "a|b|c\n1|2|3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(pipe.delimiter()).isEqualTo('|');
    }

    @Test
    void shortRowsArePaddedAndLongRowsCut() throws IOException {
        DetectedFile f = detect("w.csv", "a,b,c\n1\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows(f, new ArrayList<>())).containsExactly(Arrays.asList("1", null, null), List.of("1", "2", "3"));
    }

    @Test
    void headerOnlyFileHasColumnsAndNoRows() throws IOException {
        DetectedFile f = detect("h.csv", "身份证号,姓名\n".getBytes(StandardCharsets.UTF_8));
        assertThat(columns(f)).containsExactly("身份证号", "姓名");
        assertThat(rows(f, new ArrayList<>())).isEmpty();
    }

    @Test
    void emptyFileIsRefused() {
        ProblemException e = problem(() -> detect("e.csv", new byte[0]));
        assertThat(e.code()).isEqualTo("file-empty");
        assertThat(e.field()).isEqualTo("file");
    }

    @Test
    void randomBytesAreRefused() {
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        noise[0] = 1;
        ProblemException unknown = problem(() -> detect("noise.bin", noise));
        assertThat(unknown.code()).isEqualTo("file-type-unsupported");
        assertThat(unknown.field()).isEqualTo("file");
        assertThat(unknown.status().value()).isEqualTo(415);
        ProblemException named = problem(() -> detect("noise.csv", noise));
        assertThat(named.code()).isEqualTo("encoding-invalid");
        assertThat(named.field()).isEqualTo("file");
    }

    @Test
    void undecodableBytesMidFileStopTheReadAtTheirLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 8000; i++) {
            out.write(("行" + i + ",值\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(new byte[] {'x', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        DetectedFile f = detect("late.csv", out.toByteArray());
        assertThat(f.charset()).isEqualTo("UTF-8");
        SourceException e = sourceFailure(() -> rows(f, new ArrayList<>()));
        assertThat(e.code()).isEqualTo("encoding-invalid");
        assertThat(e.row()).isEqualTo(8002L);
    }

    @Test
    void brokenQuotingIsCsvMalformed() throws IOException {
        DetectedFile f = detect("q.csv", "a,b\n1,2\n\"3\"x,4\n".getBytes(StandardCharsets.UTF_8));
        SourceException e = sourceFailure(() -> rows(f, new ArrayList<>()));
        assertThat(e.code()).isEqualTo("csv-malformed");
        assertThat(e.row()).isEqualTo(3L);
    }

    @Test
    void xlsxReadsDatesNumbersAndTextIds() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("数据");
            Row h = sheet.createRow(0);
            String[] header = {"公民身份号码", "姓名", "出生日期", "金额", "人数", "大数", "在职"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("510112199001011234");
            r.createCell(1).setCellValue("张三");
            r.createCell(2).setCellValue(LocalDate.of(1990, 1, 1));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(12.50);
            r.createCell(4).setCellValue(42);
            r.createCell(5).setCellValue(123456789012345d);
            r.createCell(6).setCellValue(true);
            sheet.createRow(4).createCell(1).setCellValue("李四");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        DetectedFile f = detect("people.xlsx", xlsx);
        assertThat(f.format()).isEqualTo(FileFormat.XLSX);
        assertThat(f.charset()).isNull();
        assertThat(columns(f)).containsExactly("公民身份号码", "姓名", "出生日期", "金额", "人数", "大数", "在职");
        List<Long> numbers = new ArrayList<>();
        assertThat(rows(f, numbers)).containsExactly(
            List.of("510112199001011234", "张三", "1990-01-01", "12.5", "42", "123456789012345", "true"),
            Arrays.asList(null, "李四", null, null, null, null, null));
        assertThat(numbers).containsExactly(2L, 5L);
    }

    @Test
    void xlsxFormulaCellIsRefusedWithItsRow() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("数量");
            sheet.createRow(1).createCell(0).setCellValue(1);
            sheet.createRow(2).createCell(0).setCellFormula("A2*2");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        DetectedFile f = detect("f.xlsx", xlsx);
        SourceException e = sourceFailure(() -> rows(f, new ArrayList<>()));
        assertThat(e.code()).isEqualTo("formula-cell");
        assertThat(e.row()).isEqualTo(3L);
        assertThat(e.args()).contains("A3");
    }

    @Test
    void zipBombIsRefused() throws IOException {
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
        ProblemException e = problem(() -> detect("bomb.xlsx", out.toByteArray()));
        assertThat(e.code()).isEqualTo("file-zip-bomb");
        assertThat(e.field()).isEqualTo("file");
    }

    @Test
    void oldXlsIsRefused() throws IOException {
        byte[] xls;
        try (Workbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("a");
            wb.write(out);
            xls = out.toByteArray();
        }
        ProblemException e = problem(() -> detect("old.xls", xls));
        assertThat(e.code()).isEqualTo("file-xls");
        assertThat(e.field()).isEqualTo("file");
    }

    @Test
    void jsonLinesGood() throws IOException {
        String jsonl = "{\"code\":\"A1\",\"amount\":1.50,\"n\":12345678901234567890,\"ok\":true}\n\n"
            + "{\"code\":\"A2\",\"note\":null,\"extra\":\"x\"}\n";
        DetectedFile f = detect("d.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(f.format()).isEqualTo(FileFormat.JSONL);
        assertThat(columns(f)).containsExactly("code", "amount", "n", "ok", "note", "extra");
        List<Long> numbers = new ArrayList<>();
        assertThat(rows(f, numbers)).containsExactly(
            Arrays.asList("A1", "1.5", "12345678901234567890", "true", null, null),
            Arrays.asList("A2", null, null, null, null, "x"));
        assertThat(numbers).containsExactly(1L, 3L);
        assertThat(detect("noext", "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)).format()).isEqualTo(FileFormat.JSONL);
    }

    @Test
    void jsonLinesNestedAndMalformedName() throws IOException {
        DetectedFile nested = detect("n.ndjson", "{\"a\":1}\n{\"a\":{\"b\":2}}\n".getBytes(StandardCharsets.UTF_8));
        SourceException n = sourceFailure(() -> rows(nested, new ArrayList<>()));
        assertThat(n.code()).isEqualTo("jsonl-nested");
        assertThat(n.row()).isEqualTo(2L);
        DetectedFile broken = detect("b.jsonl", "{\"a\":1}\n{\"a\":1}\n{\"a\": }\n".getBytes(StandardCharsets.UTF_8));
        SourceException b = sourceFailure(() -> rows(broken, new ArrayList<>()));
        assertThat(b.code()).isEqualTo("jsonl-malformed");
        assertThat(b.row()).isEqualTo(3L);
        DetectedFile array = detect("c.jsonl", "[1,2]\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sourceFailure(() -> rows(array, new ArrayList<>())).code()).isEqualTo("jsonl-malformed");
    }

    @Test
    void previewSuggestsMappingByNameCodeNameAndStandardName() throws IOException {
        String csv = "ＣＯＤＥ ,企业 名称,统一社会信用代码,删除标记,其他\nA1,甲,91510112MA6CXXXX0X,,z\nA2,乙,x,1,z\n";
        DetectedFile f = detect("m.csv", csv.getBytes(StandardCharsets.UTF_8));
        List<DataItemView> items = List.of(item("编号", "code", null), item("企业名称", "name", null),
            item("信用代码", "uscc", "统一社会信用代码"), item("地址", "address", null));
        FilePreview p = files.preview(f, items, 1);
        assertThat(p.format()).isEqualTo(FileFormat.CSV);
        assertThat(p.charset()).isEqualTo("UTF-8");
        assertThat(p.delimiter()).isEqualTo(',');
        assertThat(p.columns()).containsExactly("ＣＯＤＥ", "企业 名称", "统一社会信用代码", "删除标记", "其他");
        assertThat(p.rows()).containsExactly(Arrays.asList("A1", "甲", "91510112MA6CXXXX0X", null, "z"));
        assertThat(p.suggested().items()).containsExactly(java.util.Map.entry("ＣＯＤＥ", "code"),
            java.util.Map.entry("企业 名称", "name"), java.util.Map.entry("统一社会信用代码", "uscc"));
        assertThat(p.suggested().deleteColumn()).isEqualTo("删除标记");
        assertThat(p.unmappedItems()).containsExactly("address");
    }

    @Test
    void aLargeCsvStreams() throws IOException {
        Path big = dir.resolve("big.csv");
        int n = 200_000;
        try (OutputStream os = Files.newOutputStream(big);
             Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            w.write("id,name,amount,note\n");
            for (int i = 0; i < n; i++) {
                w.write(i + ",名称" + i + "," + (i * 3) + ".25,\"备注 " + i + ", 含逗号\"\n");
            }
        }
        DetectedFile f = files.detect(big, "big.csv");
        long count = 0;
        long last = 0;
        String[] lastRow = null;
        try (RowSource s = files.open(f)) {
            String[] r;
            while ((r = s.next()) != null) {
                count++;
                last = s.rowNumber();
                lastRow = r;
            }
            assertThat(s.progressDone()).isEqualTo(Files.size(big));
        }
        assertThat(count).isEqualTo(n);
        assertThat(last).isEqualTo(n + 1L);
        assertThat(lastRow).containsExactly("199999", "名称199999", "599997.25", "备注 199999, 含逗号");
    }

    private static DataItemView item(String name, String codeName, String standardName) {
        return new DataItemView(name, codeName, DataType.STRING, 50, null, null, null, null, null, standardName, null,
            false);
    }
}
