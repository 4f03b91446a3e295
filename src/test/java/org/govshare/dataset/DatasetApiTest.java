package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.platform.CurrentActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The dataset JSON API over real HTTP: push, idempotency, rollback, cancel, access, reports, records. */
@IntegrationTest
class DatasetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Loads loads;

    private String base(UUID r) {
        return "/api/v1/datasets/" + r;
    }

    private static String batch(String id, String upserts, String deletes) {
        return "{\"batchId\":\"%s\",\"upserts\":[%s],\"deletes\":[%s]}".formatted(id, upserts, deletes);
    }

    @Test
    void pushIsIdempotentByBatchIdAndContent() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        String body = batch("b-1", "{\"idno\":\"P1\",\"xm\":\"张三\",\"rs\":3},{\"idno\":\"P2\",\"csrq\":\"2001-02-03\"}", "");
        Response first = steward.post(base(r) + "/batches", body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode load = first.json().get("load");
        assertThat(load.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(load.get("channel").asString()).isEqualTo("PUSH");
        assertThat(load.get("inserted").asLong()).isEqualTo(2);
        assertThat(DatasetFixtures.records(jdbc, r)).containsEntry("P1", "{\"rs\": 3, \"xm\": \"张三\", \"idno\": \"P1\"}");

        Response again = steward.post(base(r) + "/batches", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("load").get("id").asString()).isEqualTo(load.get("id").asString());
        assertThat(jdbc.sql("select count(*) from dataset_load where resource_id = ?").param(r).query(Long.class).single())
            .isEqualTo(1);

        Response other = steward.post(base(r) + "/batches",
            batch("b-1", "{\"idno\":\"P1\",\"xm\":\"李四\"}", ""));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("batch-id-reused");

        Response delete = steward.post(base(r) + "/batches", batch("b-2", "{\"idno\":\"P3\"}", "{\"idno\":\"P1\"}"));
        assertThat(delete.json().get("load").get("inserted").asLong()).isEqualTo(1);
        assertThat(delete.json().get("load").get("deleted").asLong()).isEqualTo(1);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("P2", "P3");

        Response unknown = steward.post(base(r) + "/batches", batch("b-3", "{\"idno\":\"P4\",\"nope\":1}", ""));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("upserts[0].nope");
    }

    @Test
    void batchesMayExceedTheGeneralJsonLimitUpToTheirOwn() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        StringBuilder upserts = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            upserts.append(i == 0 ? "" : ",").append("{\"idno\":\"L").append(i)
                .append("\",\"xm\":\"批量推送的姓名字段用来把请求体撑大\",\"rs\":").append(i).append('}');
        }
        String body = batch("big-1", upserts.toString(), "");
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(1_048_576);
        Response big = HttpApi.as(port, "scjg_steward").post(base(r) + "/batches", body);
        assertThat(big.status()).as(big.body().substring(0, Math.min(300, big.body().length()))).isEqualTo(200);
        assertThat(big.json().get("load").get("inserted").asLong()).isEqualTo(20_000);

        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        Response refused = HttpApi.as(port, "scjg_steward").postBytes(base(r) + "/batches", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("payload-too-large");
        assertThat(HttpApi.as(port, "scjg_steward").postBytes("/api/v1/catalog/resources", new byte[2 * 1024 * 1024])
            .status()).as("other JSON endpoints keep the general limit").isEqualTo(413);
    }

    @Test
    void aClientApplicationOfTheProviderPushesAndAnotherDepartmentsCannot() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        String key = clientKey("scjg_admin");
        Response pushed = HttpApi.withKey(port, key).post(base(r) + "/batches", batch("k-1", "{\"idno\":\"K1\"}", ""));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.json().get("load").get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(HttpApi.withKey(port, key).get(base(r) + "/records").status()).as("clients do not browse records")
            .isEqualTo(403);
        String otherKey = clientKey("rsj_admin");
        assertThat(HttpApi.withKey(port, otherKey).post(base(r) + "/batches", batch("k-2", "{\"idno\":\"K2\"}", ""))
            .status()).isEqualTo(403);
    }

    private String clientKey(String admin) {
        HttpApi api = HttpApi.as(port, admin);
        String org = api.get("/api/v1/me").text("organizationId");
        String app = api.post("/api/v1/clients", "{\"organizationId\":\"%s\",\"name\":\"归集推送%s\"}"
            .formatted(org, UUID.randomUUID().toString().substring(0, 8))).text("id");
        return api.post("/api/v1/clients/" + app + "/keys", null).text("apiKey");
    }

    @Test
    void rollbackRestoresTheExactPreviousRecordsWithNewChangesAndOnlyForTheNewestLoad() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        steward.post(base(r) + "/batches", batch("r-1", "{\"idno\":\"R1\",\"xm\":\"甲\"},{\"idno\":\"R2\",\"xm\":\"乙\"}", ""));
        Map<String, String> before = DatasetFixtures.records(jdbc, r);
        Response second = steward.post(base(r) + "/batches",
            batch("r-2", "{\"idno\":\"R1\",\"xm\":\"甲改\"},{\"idno\":\"R3\",\"xm\":\"丙\"}", "{\"idno\":\"R2\"}"));
        String secondId = second.json().get("load").get("id").asString();
        String firstId = jdbc.sql("select id::text from dataset_load where resource_id = ? and batch_id = 'r-1'").param(r)
            .query(String.class).single();
        assertThat(DatasetFixtures.records(jdbc, r)).isNotEqualTo(before);

        Response stale = steward.post(base(r) + "/loads/" + firstId + "/rollback", null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("rollback-not-newest");

        Response rolled = steward.post(base(r) + "/loads/" + secondId + "/rollback", null);
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(201);
        assertThat(rolled.text("channel")).isEqualTo("ROLLBACK");
        assertThat(rolled.json().get("version").asInt()).isEqualTo(3);
        assertThat(rolled.json().get("firstSeq").asLong()).isEqualTo(6);
        assertThat(rolled.json().get("lastSeq").asLong()).isEqualTo(8);
        assertThat(DatasetFixtures.records(jdbc, r)).isEqualTo(before);
        List<String> changes = DatasetFixtures.changes(jdbc, r);
        assertThat(changes).hasSize(8);
        // the inverse of the second load's changes, newest first, each with the state it replaced
        assertThat(changes.subList(2, 8)).containsExactly(
            "3 U R1 {\"xm\": \"甲\", \"idno\": \"R1\"}", "4 I R3 null", "5 D R2 {\"xm\": \"乙\", \"idno\": \"R2\"}",
            "6 I R2 null",
            "7 D R3 {\"xm\": \"丙\", \"idno\": \"R3\"}", "8 U R1 {\"xm\": \"甲改\", \"idno\": \"R1\"}");
        Response old = steward.get(base(r) + "/loads/" + secondId);
        assertThat(old.json().get("load").get("state").asString()).isEqualTo("ROLLED_BACK");
        assertThat(old.json().get("load").get("rolledBackBy").asString()).isEqualTo(rolled.text("id"));
        assertThat(steward.get(base(r)).json().get("version").asInt()).isEqualTo(3);
        assertThat(steward.post(base(r) + "/loads/" + secondId + "/rollback", null).text("code"))
            .isEqualTo("rollback-not-newest");
    }

    @Test
    void anotherDepartmentsStewardIsRefusedEverywhere() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        Response pushed = HttpApi.as(port, "scjg_steward").post(base(r) + "/batches", batch("x-1", "{\"idno\":\"X1\"}", ""));
        String loadId = pushed.json().get("load").get("id").asString();
        HttpApi other = HttpApi.as(port, "rsj_steward");
        String l = base(r) + "/loads/" + loadId;
        assertThat(List.of(other.get(base(r)).status(), other.get(base(r) + "/rules").status(),
            other.put(base(r) + "/rules", null, "[]").status(),
            other.post(base(r) + "/batches", batch("x-2", "{\"idno\":\"X2\"}", "")).status(),
            other.get(base(r) + "/loads").status(), other.get(l).status(), other.post(l + "/cancel", null).status(),
            other.post(l + "/rollback", null).status(), other.get(l + "/rejections").status(),
            other.get(l + "/rejections.csv").status(), other.get(base(r) + "/records").status(),
            other.get(base(r) + "/records/X1").status(),
            other.get("/api/v1/datasets?provider=" + pushed.json().get("load").get("resourceId").asString()).status()))
            .containsOnly(403);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("X1");
        assertThat(HttpApi.as(port, "auditor").get(base(r) + "/loads").status()).as("the authority's auditor reads loads")
            .isEqualTo(200);
        assertThat(HttpApi.as(port, "auditor").get(base(r) + "/records").status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "admin").get(base(r) + "/records").json().get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void unpublishedResourcesAndResourcesWithoutKeysAreRefused() {
        UUID draft = DatasetFixtures.draft(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        Response r = HttpApi.as(port, "scjg_steward").post(base(draft) + "/batches", batch("u-1", "{\"idno\":\"U1\"}", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("code")).isEqualTo("resource-not-published");
        assertThat(HttpApi.as(port, "scjg_steward").get(base(draft)).text("code")).isEqualTo("resource-not-published");

        UUID keyless = DatasetFixtures.published(port, "scjg_steward", """
            {"name":"名称","codeName":"mc","dataType":"STRING","length":20}
            """);
        Response k = HttpApi.as(port, "scjg_steward").post(base(keyless) + "/batches", batch("u-2", "{\"mc\":\"a\"}", ""));
        assertThat(k.status()).isEqualTo(422);
        assertThat(k.text("code")).isEqualTo("no-key-items");
        assertThat(HttpApi.as(port, "scjg_steward").get(base(UUID.randomUUID())).status()).isEqualTo(404);
    }

    @Test
    void cancellingARunningLoadAppliesNothing() throws Exception {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        steward.post(base(r) + "/batches", batch("c-1", "{\"idno\":\"C1\",\"xm\":\"原\"}", ""));
        Map<String, String> before = DatasetFixtures.records(jdbc, r);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RowSource slow = new RowSource() {
            int n;

            @Override
            public List<String> columns() {
                return List.of("idno", "xm");
            }

            @Override
            public String[] next() {
                if (n == 100) {
                    reading.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return n < 200 ? new String[] {"C" + (++n), "新"} : null;
            }

            @Override
            public long rowNumber() {
                return n + 1;
            }

            @Override
            public void close() {
            }
        };
        LoadView queued = CurrentActor.runAs(CurrentActor.system(), () -> loads.start(new LoadRequest(r, LoadChannel.PULL,
            LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, "slow", null, () -> slow, CurrentActor.system(), null)));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        Response cancel = steward.post(base(r) + "/loads/" + queued.id() + "/cancel", null);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        release.countDown();
        JsonNode done = awaitFinished(steward, r, queued.id());
        assertThat(done.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(DatasetFixtures.records(jdbc, r)).isEqualTo(before);
        assertThat(steward.get(base(r)).json().get("version").asInt()).isEqualTo(1);
        assertThat(steward.post(base(r) + "/loads/" + queued.id() + "/cancel", null).text("code")).isEqualTo("load-finished");
    }

    private JsonNode awaitFinished(HttpApi api, UUID r, UUID load) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            JsonNode l = api.get(base(r) + "/loads/" + load).json().get("load");
            if (!List.of("QUEUED", "RUNNING").contains(l.get("state").asString())) {
                return l;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("load did not finish");
    }

    @Test
    void rejectionsComeWithReasonsInTheReadersLanguageAndAsCsvWithBom() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward").inEnglish();
        Response failed = steward.post(base(r) + "/batches",
            batch("e-1", "{\"idno\":\"E1\"},{\"idno\":\"E1\",\"xm\":\"x\"},{\"idno\":\"E3\",\"rs\":\"many\"}", ""));
        assertThat(failed.status()).isEqualTo(200);
        JsonNode load = failed.json().get("load");
        assertThat(load.get("state").asString()).isEqualTo("FAILED");
        assertThat(load.get("errorCode").asString()).isEqualTo("rows-rejected");
        assertThat(load.get("rowsRejected").asLong()).isEqualTo(3);
        JsonNode rejections = failed.json().get("rejections");
        assertThat(rejections.findValuesAsString("code")).containsExactly("duplicate-key", "duplicate-key", "type-integer");
        assertThat(rejections.get(0).get("row").asLong()).isEqualTo(1);
        assertThat(rejections.get(0).get("message").asString()).isEqualTo("The key occurs more than once in this load (see also row 2).");
        assertThat(DatasetFixtures.records(jdbc, r)).isEmpty();

        String csv = steward.get(failed.text("rejectionReport")).body();
        assertThat(csv).startsWith("\uFEFFRow,Data item,Value,Rule,Reason");
        assertThat(csv).contains("2,idno,E1,duplicate-key,The key occurs more than once in this load (see also row 1).");

        Response kept = steward.post(base(r) + "/batches",
            "{\"batchId\":\"e-2\",\"policy\":\"KEEP_VALID\",\"upserts\":[{\"idno\":\"E7\"},{\"idno\":\"E8\",\"rs\":\"x\"}]}");
        assertThat(kept.json().get("load").get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(kept.json().get("load").get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("E7");
    }

    @Test
    void theProviderBrowsesItsRecordsAndTheOverviewShowsTheVersion() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        steward.post(base(r) + "/batches", batch("v-1",
            "{\"idno\":\"V1\",\"xm\":\"王小明\",\"rs\":2},{\"idno\":\"V2\",\"xm\":\"李华\"}", ""));
        Response page = steward.get(base(r) + "/records?q=%E5%B0%8F%E6%98%8E");
        assertThat(page.json().get("totalElements").asLong()).isEqualTo(1);
        JsonNode rec = page.json().get("items").get(0);
        assertThat(rec.get("key").asString()).isEqualTo("V1");
        assertThat(rec.get("values").get("rs").asLong()).isEqualTo(2);
        assertThat(rec.get("seq").asLong()).isEqualTo(1);
        assertThat(steward.get(base(r) + "/records/V2").json().get("values").get("xm").asString()).isEqualTo("李华");
        assertThat(steward.get(base(r) + "/records/V9").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
            .param("%" + r + "%").query(Long.class).single()).as("record reads are audited").isGreaterThanOrEqualTo(2);

        JsonNode overview = steward.get(base(r)).json();
        assertThat(overview.get("version").asInt()).isEqualTo(1);
        assertThat(overview.get("recordCount").asLong()).isEqualTo(2);
        assertThat(overview.get("keyItems").get(0).asString()).isEqualTo("idno");
        assertThat(overview.get("lastLoad").get("batchId").asString()).isEqualTo("v-1");
        assertThat(overview.get("freshness").get("overdue").asBoolean()).isFalse();
        JsonNode list = steward.get("/api/v1/datasets?q=" + overview.get("resourceCode").asString()).json();
        assertThat(list.get("items").findValuesAsString("resourceId")).contains(r.toString());
    }
}
