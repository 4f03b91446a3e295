package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pulls from a staging database played by a schema of the embedded PostgreSQL, read by its own
 * login role through the public JSON API: full and incremental pulls, failures that apply nothing,
 * the URL allow-list, the sealed password and the ownership rule.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PullApiTest {

    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    private String schema;
    private String role;
    private String password;

    @BeforeEach
    void stagingSchema() {
        long n = N.incrementAndGet();
        schema = "stg_pull_" + n;
        role = "stg_reader_" + n;
        password = "Stg#secret-" + n + "-pw";
        jdbc.sql("create schema " + schema).update();
        jdbc.sql("create table " + schema + ".people (idno varchar(18) primary key, xm text, csrq date, rs int, "
            + "updated_at timestamp not null)").update();
        jdbc.sql("create role " + role + " login password '" + password + "'").update();
        jdbc.sql("grant usage on schema " + schema + " to " + role).update();
        jdbc.sql("grant select on all tables in schema " + schema + " to " + role).update();
    }

    private String url() {
        return datasourceUrl.split("\\?")[0];
    }

    private UUID source(String steward) {
        Response r = HttpApi.as(port, steward).post("/api/v1/datasets/sources", """
            {"name":"前置库%s","kind":"POSTGRESQL","jdbcUrl":"%s?ApplicationName=stg","username":"%s","password":"%s"}
            """.formatted(schema, url(), role, password));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(password).doesNotContain("password\":\"");
        assertThat(r.json().get("passwordSet").asBoolean()).isTrue();
        return UUID.fromString(r.text("id"));
    }

    private void define(UUID resource, String json) {
        Response r = HttpApi.as(port, "scjg_steward").put("/api/v1/datasets/" + resource + "/pull", null, json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Response pullNow(UUID resource) {
        Response r = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/" + resource + "/pull/runs", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private void insert(String idno, String xm, String csrq, Integer rs, String updatedAt) {
        jdbc.sql("insert into " + schema + ".people values (?, ?, cast(? as date), ?, cast(? as timestamp))")
            .params(idno, xm, csrq, rs, updatedAt).update();
    }

    private int version(UUID resource) {
        return jdbc.sql("select coalesce(max(version), 0) from dataset where resource_id = ?").param(resource)
            .query(Integer.class).single();
    }

    private JsonNode definition(UUID resource) {
        Response r = HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/" + resource + "/pull");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aFullPullLoadsTheTableAndAReplacementDeletesWhatIsGone(CapturedOutput output) {
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        UUID source = source("scjg_steward");
        insert("P1", "张三", "1990-01-02", 1, "2026-01-01 10:00:00");
        insert("P2", "李四", null, 2, "2026-01-01 10:00:00");
        define(resource, """
            {"sourceId":"%s","table":"%s.people","mode":"FULL","enabled":false}""".formatted(source, schema));

        Response first = pullNow(resource);
        assertThat(first.text("state")).as(first.body()).isEqualTo("SUCCEEDED");
        assertThat(first.text("channel")).isEqualTo("PULL");
        assertThat(first.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(DatasetFixtures.records(jdbc, resource)).containsEntry("P1",
            "{\"rs\": 1, \"xm\": \"张三\", \"csrq\": \"1990-01-02\", \"idno\": \"P1\"}");

        jdbc.sql("delete from " + schema + ".people where idno = 'P2'").update();
        insert("P3", "王五", "1985-12-31", 3, "2026-01-02 10:00:00");
        Response second = pullNow(resource);
        assertThat(second.text("state")).isEqualTo("SUCCEEDED");
        assertThat(List.of(second.json().get("inserted").asLong(), second.json().get("deleted").asLong()))
            .containsExactly(1L, 1L);
        assertThat(DatasetFixtures.records(jdbc, resource).keySet()).containsExactly("P1", "P3");
        JsonNode def = definition(resource);
        assertThat(def.get("lastState").asString()).isEqualTo("SUCCEEDED");
        assertThat(def.get("lastLoadId").asString()).isEqualTo(second.text("id"));
        assertThat(def.get("cron").asString()).as("derived from MONTHLY").isEqualTo("0 0 2 1 * *");
        assertThat(def.get("cronDerived").asBoolean()).isTrue();

        // the password is sealed at rest and never shown or logged
        String sealed = jdbc.sql("select password_sealed from dataset_source_db where id = ?").param(source)
            .query(String.class).single();
        assertThat(sealed).startsWith("v1:aes-gcm:").doesNotContain(password);
        assertThat(HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/sources").body()).doesNotContain(password);
        assertThat(HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/sources/" + source).body())
            .doesNotContain(password).doesNotContain(sealed);
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void anIncrementalPullReadsPastTheWatermarkWhichAdvancesOnlyOnSuccess() {
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        UUID source = source("scjg_steward");
        insert("W1", "甲", null, 1, "2026-03-01 08:00:00");
        insert("W2", "乙", null, 2, "2026-03-01 09:30:00");
        define(resource, """
            {"sourceId":"%s","table":"%s.people","watermarkColumn":"updated_at","enabled":false}"""
            .formatted(source, schema));
        assertThat(definition(resource).get("mode").asString()).isEqualTo("INCREMENTAL");

        Response first = pullNow(resource);
        assertThat(first.text("state")).as(first.body()).isEqualTo("SUCCEEDED");
        assertThat(first.text("mode")).isEqualTo("INCREMENTAL");
        assertThat(first.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(definition(resource).get("watermark").asString()).isEqualTo("2026-03-01T09:30:00");

        jdbc.sql("update " + schema + ".people set rs = 20, updated_at = '2026-03-02 00:00:00' where idno = 'W2'")
            .update();
        insert("W3", "丙", null, 3, "2026-03-02 01:00:00");
        // a pull that fails (the role lost its grant) applies nothing and keeps the watermark
        jdbc.sql("revoke select on " + schema + ".people from " + role).update();
        Response failed = pullNow(resource);
        assertThat(failed.text("state")).isEqualTo("FAILED");
        assertThat(failed.text("errorCode")).isEqualTo("source-query-failed");
        JsonNode afterFailure = definition(resource);
        assertThat(afterFailure.get("watermark").asString()).isEqualTo("2026-03-01T09:30:00");
        assertThat(afterFailure.get("failures").asInt()).isEqualTo(1);
        assertThat(afterFailure.get("lastError").asString()).contains("source-query-failed");
        assertThat(version(resource)).isEqualTo(1);

        jdbc.sql("grant select on " + schema + ".people to " + role).update();
        Response second = pullNow(resource);
        assertThat(second.text("state")).as(second.body()).isEqualTo("SUCCEEDED");
        assertThat(second.json().get("rowsRead").asLong()).as("only rows past the watermark").isEqualTo(2);
        assertThat(List.of(second.json().get("inserted").asLong(), second.json().get("updated").asLong(),
            second.json().get("deleted").asLong())).containsExactly(1L, 1L, 0L);
        JsonNode def = definition(resource);
        assertThat(def.get("watermark").asString()).isEqualTo("2026-03-02T01:00:00");
        assertThat(def.get("failures").asInt()).isZero();
        assertThat(DatasetFixtures.records(jdbc, resource).keySet()).containsExactly("W1", "W2", "W3");

        // nothing past the watermark: no load at all, and no failure
        long loads = jdbc.sql("select count(*) from dataset_load where resource_id = ?").param(resource)
            .query(Long.class).single();
        Response nothingNew = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/" + resource + "/pull/runs", null);
        assertThat(nothingNew.status()).as(nothingNew.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from dataset_load where resource_id = ?").param(resource)
            .query(Long.class).single()).isEqualTo(loads);
        assertThat(definition(resource).get("failures").asInt()).isZero();
        assertThat(definition(resource).get("lastState").asString()).isEqualTo("SUCCEEDED");
        assertThat(definition(resource).get("watermark").asString()).isEqualTo("2026-03-02T01:00:00");
        assertThat(version(resource)).isEqualTo(2);
    }

    @Test
    void aQueryWithABadColumnFailsAndAppliesNothing() {
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        UUID source = source("scjg_steward");
        insert("Q1", "甲", null, 1, "2026-03-01 08:00:00");
        define(resource, """
            {"sourceId":"%s","query":"select idno, xm from %s.people","enabled":false}""".formatted(source, schema));
        assertThat(pullNow(resource).text("state")).isEqualTo("SUCCEEDED");
        assertThat(version(resource)).isEqualTo(1);

        define(resource, """
            {"sourceId":"%s","query":"select idno, no_such_column from %s.people","enabled":false}"""
            .formatted(source, schema));
        Response failed = pullNow(resource);
        assertThat(failed.text("state")).isEqualTo("FAILED");
        assertThat(failed.text("errorCode")).isEqualTo("source-query-failed");
        assertThat(failed.text("errorMessage")).contains("no_such_column");
        assertThat(version(resource)).isEqualTo(1);
        assertThat(DatasetFixtures.records(jdbc, resource).keySet()).containsExactly("Q1");
        Response rejections = HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/loads/" + failed.text("id")
            + "/rejections");
        if (rejections.status() == 200) {
            assertThat(rejections.body()).contains("source-query-failed");
        }
    }

    @Test
    void aSourceLostMidPullFailsKeepsThePreviousVersionAndSchedulesARetry() throws Exception {
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        UUID source = source("scjg_steward");
        insert("K1", "甲", null, 1, "2026-03-01 08:00:00");
        define(resource, """
            {"sourceId":"%s","table":"%s.people","enabled":false}""".formatted(source, schema));
        assertThat(pullNow(resource).text("state")).isEqualTo("SUCCEEDED");
        // enabled yearly, so the next regular run is far away and the retry is what comes next
        define(resource, """
            {"sourceId":"%s","table":"%s.people","cron":"0 0 3 1 1 *","enabled":true}""".formatted(source, schema));
        Map<String, String> before = DatasetFixtures.records(jdbc, resource);

        jdbc.sql("insert into " + schema + ".people select 'B' || g, '名' || g, null, g, now()::timestamp "
            + "from generate_series(1, 300000) g").update();
        // kill the pulling session as soon as it is streaming
        CompletableFuture<Integer> killer = CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                Integer killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where usename = ? and state <> 'idle'").param(role).query(Integer.class).single();
                if (killed > 0) {
                    return killed;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return 0;
                }
            }
            return 0;
        });
        Instant started = Instant.now();
        Response failed = pullNow(resource);
        assertThat(killer.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(failed.text("state")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.text("errorCode")).isEqualTo("source-unreachable");
        assertThat(version(resource)).isEqualTo(1);
        assertThat(DatasetFixtures.records(jdbc, resource)).isEqualTo(before);

        JsonNode def = definition(resource);
        assertThat(def.get("failures").asInt()).isEqualTo(1);
        Instant next = Instant.parse(def.get("nextRunAt").asString());
        assertThat(Duration.between(started, next)).as("first retry after a minute")
            .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(120));
        // reported: the failure is an audit entry (written after commit, so wait for it)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String audited = null;
        while (audited == null && System.nanoTime() < deadline) {
            audited = jdbc.sql("select detail from audit_entry where action = 'dataset.pull.failed' and target_id = ?")
                .param(resource.toString()).query(String.class).optional().orElse(null);
            Thread.sleep(100);
        }
        assertThat(audited).startsWith("source-unreachable (failure 1, retry at");
        // stop the retry from running in the background of later tests
        define(resource, """
            {"sourceId":"%s","table":"%s.people","cron":"0 0 3 1 1 *","enabled":false}""".formatted(source, schema));
    }

    @Test
    void theSchedulerRunsANewDefinitionAtOnceAndThenOnItsSchedule() throws Exception {
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        UUID source = source("scjg_steward");
        insert("S1", "甲", null, 1, "2026-03-01 08:00:00");
        define(resource, """
            {"sourceId":"%s","table":"%s.people","enabled":true}""".formatted(source, schema));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode def = definition(resource);
        while (def.get("lastState").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            def = definition(resource);
        }
        assertThat(def.get("lastState").asString()).as(def.toString()).isEqualTo("SUCCEEDED");
        assertThat(DatasetFixtures.records(jdbc, resource).keySet()).containsExactly("S1");
        // next: the 1st of next month at 02:00 in Shanghai (MONTHLY)
        Instant next = Instant.parse(def.get("nextRunAt").asString());
        assertThat(next.atZone(java.time.ZoneId.of("Asia/Shanghai")).getDayOfMonth()).isEqualTo(1);
        assertThat(next.atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(2);
        assertThat(jdbc.sql("select started_by from dataset_load where id = ?").param(UUID.fromString(
            def.get("lastLoadId").asString())).query(String.class).single()).isEqualTo("system:pull");
    }

    @Test
    void refusesUrlsOutsideTheAllowList() {
        for (String url : List.of("jdbc:h2:mem:x", "jdbc:postgresql://x/db?socketFactory=org.example.Evil",
                "jdbc:postgresql://x/db?sslfactory=a", "jdbc:postgresql://x/db?loggerFile=/tmp/x",
                "jdbc:mysql://x/db?allowLoadLocalInfile=true", "jdbc:mysql://x/db?autoDeserialize=true",
                "jdbc:postgresql://u:p@x/db", "jdbc:postgresql:db")) {
            String kind = url.startsWith("jdbc:mysql") ? "MYSQL" : "POSTGRESQL";
            Response r = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources", """
                {"name":"坏地址%s","kind":"%s","jdbcUrl":"%s","username":"u","password":"p"}
                """.formatted(N.incrementAndGet(), kind, url));
            assertThat(r.status()).as(url + " " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").findValuesAsString("field")).as(url).containsExactly("jdbcUrl");
        }
    }

    @Test
    void anotherDepartmentIsRefused() {
        UUID source = source("scjg_steward");
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        define(resource, """
            {"sourceId":"%s","table":"%s.people","enabled":false}""".formatted(source, schema));

        HttpApi other = HttpApi.as(port, "rsj_steward");
        assertThat(other.get("/api/v1/datasets/sources/" + source).status()).isEqualTo(403);
        assertThat(other.post("/api/v1/datasets/sources/" + source + "/test", null).status()).isEqualTo(403);
        assertThat(other.get("/api/v1/datasets/" + resource + "/pull").status()).isEqualTo(403);
        assertThat(other.post("/api/v1/datasets/" + resource + "/pull/runs", null).status()).isEqualTo(403);
        assertThat(other.get("/api/v1/datasets/sources").body()).doesNotContain(source.toString());
        assertThat(HttpApi.as(port, "scjg_reviewer").get("/api/v1/datasets/sources/" + source).status())
            .as("a reviewer of the same department does not manage sources").isEqualTo(403);
        // and rsj cannot point its own resource at scjg's source
        UUID rsjResource = DatasetFixtures.published(port, "rsj_steward", DatasetFixtures.PERSON_ITEMS);
        Response r = other.put("/api/v1/datasets/" + rsjResource + "/pull", null, """
            {"sourceId":"%s","table":"%s.people","enabled":false}""".formatted(source, schema));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("sourceId");
        assertThat(HttpApi.as(port, "admin").get("/api/v1/datasets/sources/" + source).status()).isEqualTo(200);
    }

    @Test
    void aConnectionTestReportsTheServerOrTheReasonInTheReadersLanguage() {
        UUID source = source("scjg_steward");
        Response ok = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources/" + source + "/test", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.text("serverVersion")).startsWith("PostgreSQL 17");

        Response got = HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/sources/" + source);
        Response changed = HttpApi.as(port, "scjg_steward").put("/api/v1/datasets/sources/" + source, got.etag(), """
            {"name":"前置库%s","kind":"POSTGRESQL","jdbcUrl":"%s","username":"%s","password":"wrong"}
            """.formatted(schema, url(), role));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Response bad = HttpApi.as(port, "scjg_steward").inEnglish()
            .post("/api/v1/datasets/sources/" + source + "/test", null);
        assertThat(bad.json().get("ok").asBoolean()).isFalse();
        assertThat(bad.text("code")).isEqualTo("source-login-failed");
        assertThat(bad.text("message")).startsWith("Wrong user name or password");
        Response badZh = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources/" + source + "/test", null);
        assertThat(badZh.text("message")).startsWith("用户名或口令错误");

        // an empty password keeps the stored one
        Response again = HttpApi.as(port, "scjg_steward").get("/api/v1/datasets/sources/" + source);
        HttpApi.as(port, "scjg_steward").put("/api/v1/datasets/sources/" + source, again.etag(), """
            {"name":"前置库%s","kind":"POSTGRESQL","jdbcUrl":"%s","username":"%s","password":""}
            """.formatted(schema, url(), role));
        assertThat(HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources/" + source + "/test", null)
            .json().get("ok").asBoolean()).isFalse();

        Response unreachable = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources", """
            {"name":"不可达%s","kind":"POSTGRESQL","jdbcUrl":"jdbc:postgresql://127.0.0.1:1/none","username":"u","password":"p"}
            """.formatted(N.incrementAndGet()));
        Response down = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/sources/" + unreachable.text("id")
            + "/test", null);
        assertThat(down.text("code")).isEqualTo("source-unreachable");
    }
}
