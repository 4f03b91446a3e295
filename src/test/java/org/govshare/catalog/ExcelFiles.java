package org.govshare.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.govshare.HttpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Workbooks for the import tests, and uploading them over real HTTP. */
final class ExcelFiles {

    static final List<String> RESOURCE_HEADERS = List.of("资源序号", "分类代码", "名称", "摘要", "格式", "共享类型", "共享条件",
        "共享方式", "开放类型", "开放条件", "更新周期", "发布日期", "关联资源代码", "不予共享依据", "关键词");
    static final List<String> ITEM_HEADERS = List.of("资源序号", "名称", "代码名", "数据类型", "长度", "描述", "敏感级别",
        "共享类型", "共享条件", "不予共享依据", "标准名称", "权威来源部门", "主键");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A cell holding a formula (without the "="). */
    record Formula(String text) {
    }

    private ExcelFiles() {
    }

    /** A clean file: {@code resources} resources of {@code items} data items each, names starting with {@code prefix}. */
    static byte[] clean(String prefix, int resources, int items) {
        List<List<Object>> r = new ArrayList<>();
        List<List<Object>> i = new ArrayList<>();
        for (int n = 1; n <= resources; n++) {
            boolean conditional = n % 2 == 0;
            r.add(List.of(n, "303001 市场主体登记", prefix + "资源" + n, "批量导入测试资源 " + n, "数据库",
                conditional ? "有条件共享" : "无条件共享", conditional ? "用于行政审批" : "", "共享平台", "不予开放", "",
                n % 3 == 0 ? "每月" : "每日", "", "", "", "测试,导入"));
            for (int k = 1; k <= items; k++) {
                i.add(List.of(n, "信息项" + k, "item_" + k, k % 3 == 0 ? "日期型" : "字符型", k % 3 == 0 ? "" : 50,
                    "第 " + k + " 项", "内部", "", "", "", "", "", k == 1 ? "是" : "否"));
            }
        }
        return workbook(r, i);
    }

    /** Streams the rows into a workbook with the template's sheet names and headers. */
    static byte[] workbook(List<List<Object>> resources, List<List<Object>> items) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            fill(wb.createSheet("资源"), RESOURCE_HEADERS, resources);
            fill(wb.createSheet("信息项"), ITEM_HEADERS, items);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<String> headers, List<List<Object>> rows) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            head.createCell(c).setCellValue(headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                set(row.createCell(c), values.get(c));
            }
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Formula f) {
            cell.setCellFormula(f.text());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof java.time.LocalDate d) {
            cell.setCellValue(d);
            var style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat((short) 14);
            cell.setCellStyle(style);
        } else if (value != null && !value.toString().isEmpty()) {
            cell.setCellValue(value.toString());
        }
    }

    static Workbook open(byte[] xlsx) {
        try {
            return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- HTTP

    static HttpApi.Response upload(int port, String user, String fileName, byte[] content, String mode, String providerId) {
        String boundary = "----govshare" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (mode != null) {
                part(body, boundary, "mode", null, mode.getBytes(StandardCharsets.UTF_8));
            }
            if (providerId != null) {
                part(body, boundary, "providerId", null, providerId.getBytes(StandardCharsets.UTF_8));
            }
            part(body, boundary, "file", fileName, content);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalog/imports"))
            .header("Authorization", basic(user))
            .header("Accept-Language", "zh-CN")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpApi.Response(r.statusCode(), r.body(), null, r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
            throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
            + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] download(int port, String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic(user)).GET().build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the job until it has finished; returns the job details (job, problems). */
    static JsonNode await(int port, String user, String jobId) {
        HttpApi api = HttpApi.as(port, user);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpApi.Response r = api.get("/api/v1/catalog/imports/" + jobId);
            if (r.status() != 200) {
                throw new AssertionError(r.status() + " " + r.body());
            }
            JsonNode details = r.json();
            String status = details.get("job").get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return details;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + HttpApi.DEMO_PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
    }
}
