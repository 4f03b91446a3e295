package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** File uploads through the real file readers: preview, the load as a job, refusals before any job. */
@IntegrationTest
class DatasetUploadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Reply(int status, JsonNode json, String location) {
    }

    private Reply multipart(String path, String fileName, byte[] content, Map<String, String> params) throws Exception {
        String boundary = "----gs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var p : params.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n"
                + p.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("scjg_steward:" + HttpApi.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()),
            r.headers().firstValue("Location").orElse(null));
    }

    private JsonNode awaitFinished(String location) throws InterruptedException {
        HttpApi api = HttpApi.as(port, "scjg_steward");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonNode l = api.get(location).json().get("load");
            if (!List.of("QUEUED", "RUNNING").contains(l.get("state").asString())) {
                return l;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("load did not finish");
    }

    @Test
    void aGbkCsvIsPreviewedThenLoadedAsAJobAndItsTempFileRemoved() throws Exception {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        byte[] csv = "证件号码,姓名,出生日期,人数\nF1,张三,1990-01-02,1\nF2,李四,1991/03/04,2\n"
            .getBytes(Charset.forName("GBK"));
        Reply preview = multipart("/api/v1/datasets/" + r + "/preview", "人员.csv", csv, Map.of());
        assertThat(preview.status()).as(String.valueOf(preview.json())).isEqualTo(200);
        assertThat(preview.json().get("format").asString()).isEqualTo("CSV");
        assertThat(preview.json().get("unmappedItems").size()).isZero();

        java.nio.file.Path uploads = java.nio.file.Path.of("target/uploads-test");
        java.nio.file.Files.createDirectories(uploads);
        List<java.nio.file.Path> earlier;
        try (var files = java.nio.file.Files.list(uploads)) {
            earlier = files.toList();
        }
        Reply upload = multipart("/api/v1/datasets/" + r + "/uploads", "人员.csv", csv, Map.of("mode", "FULL"));
        assertThat(upload.status()).as(String.valueOf(upload.json())).isEqualTo(202);
        assertThat(upload.location()).endsWith("/loads/" + upload.json().get("id").asString());
        JsonNode done = awaitFinished(upload.location());
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("channel").asString()).isEqualTo("UPLOAD");
        assertThat(done.get("source").asString()).isEqualTo("人员.csv");
        assertThat(DatasetFixtures.records(jdbc, r)).containsEntry("F2",
            "{\"rs\": 2, \"xm\": \"李四\", \"csrq\": \"1991-03-04\", \"idno\": \"F2\"}");
        try (var files = java.nio.file.Files.list(uploads)) {
            assertThat(files.filter(f -> !earlier.contains(f)).toList())
                .as("the stored upload is deleted when its job ends").isEmpty();
        }
    }

    @Test
    void aFileWithoutTheKeyColumnIsRefusedBeforeAnyJob() throws Exception {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        Reply upload = multipart("/api/v1/datasets/" + r + "/uploads", "x.csv",
            "姓名,人数\n张三,1\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.json().get("code").asString()).isEqualTo("key-column-missing");
        assertThat(upload.json().get("field").asString()).isEqualTo("file");
        assertThat(jdbc.sql("select count(*) from dataset_load where resource_id = ?").param(r).query(Long.class).single())
            .isZero();

        Reply mapped = multipart("/api/v1/datasets/" + r + "/uploads", "y.csv",
            "编号,名字\nM1,甲\n".getBytes(StandardCharsets.UTF_8),
            Map.of("mapping", "{\"items\":{\"编号\":\"idno\",\"名字\":\"xm\"}}", "policy", "KEEP_VALID"));
        assertThat(mapped.status()).as(String.valueOf(mapped.json())).isEqualTo(202);
        assertThat(awaitFinished(mapped.location()).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("M1");
    }
}
