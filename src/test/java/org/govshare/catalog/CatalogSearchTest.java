package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Catalog search over real HTTP against the real index: Chinese segmentation, facets, visibility
 * through the lifecycle, data-item search, escaping, bad parameters, and recovery of a lost or
 * lagging index. The index follows the change log asynchronously, so every check first waits
 * (briefly) for a positive sign that the change has been applied.
 */
@IntegrationTest
class CatalogSearchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Value("${govshare.catalog.search.index-dir}")
    String indexDir;

    @BeforeEach
    void indexIsReady() {
        await("index ready", () -> HttpApi.as(port, "admin").get("/api/v1/catalog/search/status").json(),
            s -> s.get("state").asString().equals("READY"));
    }

    // ---- helpers

    /** A tag no other test uses: lower-case letters, so both analyses keep it as one word. */
    private static String tag() {
        StringBuilder sb = new StringBuilder("tag");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private static String items(String... names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add("{\"name\":\"%s\",\"codeName\":\"item_%d\",\"dataType\":\"STRING\",\"length\":50}".formatted(names[i], i));
        }
        return String.join(",", out);
    }

    private String register(String user, String name, String classification, String shareType, String format,
                            String tag, String items) {
        String extra = ",\"keywords\":\"" + tag + "\""
            + ("CONDITIONAL".equals(shareType) ? ",\"shareCondition\":\"用于行政审批\"" : "");
        String body = CatalogApiTest.resource(name, classification, shareType, extra, items)
            .replace("\"format\":\"DATABASE\"", "\"format\":\"" + format + "\"");
        Response r = HttpApi.as(port, user).post("/api/v1/catalog/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private void publish(String steward, String id) {
        assertThat(HttpApi.as(port, steward).post("/api/v1/catalog/resources/" + id + "/submission", null).status())
            .isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private JsonNode search(String user, String query) {
        Response r = HttpApi.as(port, user).get("/api/v1/catalog/search?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode result) {
        return result.get("resources").findValuesAsString("id");
    }

    private JsonNode awaitSearch(String user, String query, Predicate<JsonNode> until) {
        return await(user + " " + query, () -> search(user, query), until);
    }

    private static <T> T await(String what, java.util.function.Supplier<T> probe, Predicate<T> until) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("gave up waiting for " + what + "; last: " + last);
    }

    private static Map<String, Long> counts(JsonNode result, String facet) {
        Map<String, Long> m = new HashMap<>();
        for (JsonNode f : result.get("facets").get(facet)) {
            m.put(f.get("value").asString(), f.get("count").asLong());
        }
        return m;
    }

    // ---- tests

    @Test
    void chineseKeywordsFindSubstringsOfNamesAndDataItems() {
        String tag = tag();
        String legal = register("scjg_steward", "法人登记档案", "303001", "UNCONDITIONAL", "DATABASE", tag,
            items("企业法定代表人", "登记机关", "注册资本"));
        String licence = register("scjg_steward", "营业执照信息", "303001", "UNCONDITIONAL", "API", tag,
            items("证照编号", "发证日期"));
        publish("scjg_steward", legal);
        publish("scjg_steward", licence);

        JsonNode enterprise = awaitSearch("rsj_admin", q("企业 " + tag), r -> ids(r).contains(legal));
        assertThat(ids(enterprise)).containsExactly(legal);
        JsonNode hit = enterprise.get("resources").get(0);
        assertThat(hit.get("itemsHtml").get(0).asString()).isEqualTo("<mark>企业</mark>法定代表人");
        assertThat(hit.get("providerName").asString()).isNotBlank();
        assertThat(hit.get("code").asString()).startsWith("303001/");

        JsonNode business = search("rsj_admin", q("营业执照 " + tag));
        assertThat(ids(business)).containsExactly(licence);
        assertThat(business.get("resources").get(0).get("nameHtml").asString()).isEqualTo("<mark>营业执照</mark>信息");

        // a substring that straddles smartcn's words (法定|代表人) is still found through the bigrams
        assertThat(ids(search("rsj_admin", q("定代 " + tag)))).containsExactly(legal);
        // no match at all
        assertThat(search("rsj_admin", q("宅基地 " + tag)).get("total").asLong()).isZero();
        assertThat(search("rsj_admin", q(tag)).get("tookMs").isNumber()).isTrue();
    }

    @Test
    void facetCountsRespectTheOtherSelectedFacetsAndValuesOfOneFacetAreAlternatives() {
        String tag = tag();
        String a = register("scjg_steward", "食品生产许可信息", "303002", "CONDITIONAL", "DATABASE", tag, items("许可证编号"));
        String b = register("scjg_steward", "特种设备登记信息", "303001", "UNCONDITIONAL", "API", tag, items("设备编号"));
        String c = register("rsj_steward", "就业登记信息", "305002", "UNCONDITIONAL", "DATABASE", tag, items("就业日期"));
        publish("scjg_steward", a);
        publish("scjg_steward", b);
        publish("rsj_steward", c);
        String scjg = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + a).text("providerId");
        String rsj = HttpApi.as(port, "rsj_steward").get("/api/v1/catalog/resources/" + c).text("providerId");

        JsonNode all = awaitSearch("gaj_admin", q(tag), r -> r.get("total").asLong() == 3);
        assertThat(counts(all, "shareType")).containsEntry("UNCONDITIONAL", 2L).containsEntry("CONDITIONAL", 1L);
        assertThat(counts(all, "provider")).containsEntry(scjg, 2L).containsEntry(rsj, 1L);
        assertThat(counts(all, "classification")).containsEntry("3", 3L).containsEntry("303", 2L)
            .containsEntry("303001", 1L).containsEntry("305", 1L);
        assertThat(all.get("facets").get("provider").findValuesAsString("label")).allMatch(l -> !l.isBlank());
        assertThat(all.get("facets").get("classification").findValuesAsString("label")).contains("市场监管");

        JsonNode unconditional = search("gaj_admin", q(tag) + "&shareType=UNCONDITIONAL");
        assertThat(unconditional.get("total").asLong()).isEqualTo(2);
        assertThat(ids(unconditional)).containsExactlyInAnyOrder(b, c);
        assertThat(counts(unconditional, "shareType")).as("its own facet ignores itself")
            .containsEntry("UNCONDITIONAL", 2L).containsEntry("CONDITIONAL", 1L);
        assertThat(counts(unconditional, "provider")).as("other facets respect it")
            .containsEntry(scjg, 1L).containsEntry(rsj, 1L);
        assertThat(counts(unconditional, "format")).containsEntry("API", 1L).containsEntry("DATABASE", 1L);
        assertThat(unconditional.get("facets").get("shareType").findValuesAsString("value")
            .indexOf("UNCONDITIONAL")).isNotNegative();

        assertThat(search("gaj_admin", q(tag) + "&shareType=UNCONDITIONAL,conditional").get("total").asLong())
            .isEqualTo(3);
        assertThat(search("gaj_admin", q(tag) + "&shareType=UNCONDITIONAL&shareType=CONDITIONAL").get("total").asLong())
            .isEqualTo(3);
        assertThat(ids(search("gaj_admin", q(tag) + "&classification=303"))).containsExactlyInAnyOrder(a, b);
        JsonNode combined = search("gaj_admin", q(tag) + "&classification=303&format=DATABASE");
        assertThat(ids(combined)).containsExactly(a);
        assertThat(counts(combined, "format")).containsEntry("DATABASE", 1L).containsEntry("API", 1L);
        assertThat(ids(search("gaj_admin", q(tag) + "&provider=" + rsj))).containsExactly(c);

        JsonNode byName = search("gaj_admin", q(tag) + "&sort=name");
        assertThat(byName.get("resources").findValuesAsString("name"))
            .containsExactly("就业登记信息", "食品生产许可信息", "特种设备登记信息"); // pinyin: jiu, shi, te
        JsonNode paged = search("gaj_admin", q(tag) + "&sort=updated&size=2&page=1");
        assertThat(paged.get("resources").size()).isEqualTo(1);
        assertThat(paged.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void draftsAndPendingChangesAreSeenOnlyByTheProviderAndTheAuthorityAndWithdrawnByNobody() {
        String tag = tag();
        String id = register("spj_steward", "药品零售企业许可信息", "307", "UNCONDITIONAL", "DATABASE", tag,
            items("企业名称", "许可证号"));
        awaitSearch("spj_steward", q(tag), r -> ids(r).contains(id));
        JsonNode own = search("spj_steward", q(tag));
        assertThat(own.get("resources").get(0).get("workingCopy").asBoolean()).isTrue();
        assertThat(own.get("resources").get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(ids(search("admin", q(tag)))).as("the authority").containsExactly(id);
        assertThat(ids(search("rsj_admin", q(tag)))).as("another department").isEmpty();
        assertThat(search("rsj_admin", q(tag) + "&mode=DATA_ITEMS").get("total").asLong()).isZero();
        assertThat(search("rsj_admin", q("药品零售企业许可信息")).get("resources").findValuesAsString("id"))
            .doesNotContain(id);

        publish("spj_steward", id);
        awaitSearch("rsj_admin", q(tag), r -> ids(r).contains(id));

        // a change: the provider sees (and finds) the new working copy, everyone else only the published version
        HttpApi steward = HttpApi.as(port, "spj_steward");
        Response change = steward.post("/api/v1/catalog/resources/" + id + "/change", null);
        String body = CatalogApiTest.resource("药品批发企业许可信息", "307", "UNCONDITIONAL", ",\"keywords\":\"" + tag + "\"",
            items("企业名称", "许可证号"));
        assertThat(steward.put("/api/v1/catalog/resources/" + id, "\"" + change.text("version") + "\"", body).status())
            .isEqualTo(200);
        awaitSearch("spj_steward", q("批发 " + tag), r -> ids(r).contains(id));
        JsonNode providerView = search("spj_steward", q(tag));
        assertThat(ids(providerView)).as("one state per resource, not both").containsExactly(id);
        assertThat(providerView.get("resources").get(0).get("name").asString()).isEqualTo("药品批发企业许可信息");
        assertThat(ids(search("admin", q("批发 " + tag)))).containsExactly(id);
        assertThat(ids(search("rsj_admin", q("批发 " + tag)))).as("not until approved").isEmpty();
        JsonNode others = search("rsj_admin", q(tag));
        assertThat(others.get("resources").get(0).get("name").asString()).isEqualTo("药品零售企业许可信息");
        assertThat(others.get("resources").get(0).get("workingCopy").asBoolean()).isFalse();

        steward.post("/api/v1/catalog/resources/" + id + "/submission", null);
        HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        awaitSearch("rsj_admin", q("批发 " + tag), r -> ids(r).contains(id));
        assertThat(ids(search("rsj_admin", q("零售 " + tag)))).isEmpty();

        steward.post("/api/v1/catalog/resources/" + id + "/withdrawal", "{\"reason\":\"职能调整\"}");
        awaitSearch("spj_steward", q(tag), r -> r.get("total").asLong() == 0);
        assertThat(search("admin", q(tag)).get("total").asLong()).isZero();
        assertThat(search("rsj_admin", q(tag)).get("total").asLong()).isZero();
    }

    @Test
    void dataItemSearchAnswersWhichResourcesContainAnItem() {
        String tag = tag();
        String item = "统一社会信用代码" + tag;
        String a = register("scjg_steward", "市场主体名录", "303001", "UNCONDITIONAL", "DATABASE", tag,
            items(item, "企业名称"));
        String b = register("rsj_steward", "参保单位名录", "305001", "UNCONDITIONAL", "DATABASE", tag,
            items("单位名称", item));
        String draft = register("gaj_steward", "治安重点单位", "304", "UNCONDITIONAL", "DATABASE", tag, items(item));
        publish("scjg_steward", a);
        publish("rsj_steward", b);

        JsonNode found = awaitSearch("spj_admin", q(item) + "&mode=DATA_ITEMS", r -> r.get("total").asLong() == 2);
        JsonNode hits = found.get("items");
        assertThat(hits.findValuesAsString("resourceId")).containsExactlyInAnyOrder(a, b);
        assertThat(hits.findValuesAsString("resourceName")).containsExactlyInAnyOrder("市场主体名录", "参保单位名录");
        assertThat(hits.get(0).get("nameHtml").asString()).contains("<mark>");
        assertThat(hits.get(0).get("codeName").asString()).startsWith("item_");
        assertThat(found.get("resources").size()).isZero();
        assertThat(counts(found, "provider")).hasSize(2);

        JsonNode authority = awaitSearch("admin", q(item) + "&mode=data_items", r -> r.get("total").asLong() == 3);
        assertThat(authority.get("items").findValuesAsString("resourceId")).contains(draft);

        // the common words find the items too (统一社会信用代码 is one smartcn word, 信用代码 a bigram phrase)
        JsonNode partial = search("spj_admin", "q=" + URLEncoder.encode("信用代码 " + tag, StandardCharsets.UTF_8));
        assertThat(ids(partial)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void highlightedTextIsEscaped() {
        String tag = tag();
        String id = register("scjg_steward", "<script>x</script>", "303001", "UNCONDITIONAL", "DATABASE", tag,
            items("<b>粗体</b>字段"));
        publish("scjg_steward", id);
        JsonNode r = awaitSearch("rsj_admin", q("script " + tag), x -> ids(x).contains(id));
        JsonNode hit = r.get("resources").get(0);
        assertThat(hit.get("name").asString()).isEqualTo("<script>x</script>");
        assertThat(hit.get("nameHtml").asString()).doesNotContain("<script>").contains("&lt;")
            .contains("<mark>script</mark>");
        JsonNode items = search("rsj_admin", q("粗体 " + tag)).get("resources").get(0).get("itemsHtml");
        assertThat(items.get(0).asString()).doesNotContain("<b>").contains("&lt;b&gt;<mark>粗体</mark>");
        JsonNode plain = search("rsj_admin", q(tag)).get("resources").get(0);
        assertThat(plain.get("nameHtml").asString()).doesNotContain("<script>");
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        HttpApi api = HttpApi.as(port, "rsj_admin");
        Map<String, String> cases = Map.of(
            "shareType=SOMETIMES", "shareType",
            "openType=x", "openType",
            "updateCycle=HOURLY", "updateCycle",
            "format=DOCX", "format",
            "sort=random", "sort",
            "mode=everything", "mode",
            "provider=not-a-uuid", "provider",
            "size=101", "size",
            "page=-1", "page",
            "classification=30%2A", "classification");
        cases.forEach((query, field) -> {
            Response r = api.get("/api/v1/catalog/search?" + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("field")).as(query).isEqualTo(field);
        });
        Response notNumber = api.get("/api/v1/catalog/search?page=abc");
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.text("field")).isEqualTo("page");
        assertThat(api.get("/api/v1/catalog/search?q=" + "长".repeat(201)).status()).isEqualTo(400);
        Response english = HttpApi.as(port, "rsj_admin").inEnglish().get("/api/v1/catalog/search?shareType=SOMETIMES");
        assertThat(english.text("detail")).contains("UNCONDITIONAL");
        assertThat(api.post("/api/v1/catalog/search/rebuild", null).status()).as("admins only").isEqualTo(403);
        assertThat(HttpApi.anonymous(port).get("/api/v1/catalog/search?q=x").status()).isEqualTo(401);
    }

    @Test
    void aChangeCommittedOutOfSequenceOrderIsStillApplied() throws Exception {
        String tag = tag();
        String slow = register("rsj_steward", "社保缴费记录", "305001", "UNCONDITIONAL", "DATABASE", tag, items("缴费基数"));
        awaitSearch("rsj_steward", q(tag), r -> ids(r).contains(slow));

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                // takes a change-log number now, commits after a later number has been applied
                st.executeUpdate("update catalog_resource set name = '社保缴费明细' where id = '" + slow + "'");
                st.executeUpdate("insert into catalog_change_log (resource_id) values ('" + slow + "')");
            }
            String fast = register("rsj_steward", "失业登记信息", "305002", "UNCONDITIONAL", "DATABASE", tag,
                items("失业日期"));
            awaitSearch("rsj_steward", q(tag), r -> ids(r).contains(fast));
            c.commit();
        }
        awaitSearch("rsj_steward", q("缴费明细 " + tag), r -> ids(r).contains(slow));
    }

    @Test
    void aLostIndexIsRebuiltFromTheDatabaseWithEveryResource() throws Exception {
        String tag = tag();
        String id = register("gaj_steward", "出入境证件信息", "304", "UNCONDITIONAL", "DATABASE", tag, items("证件号码"));
        publish("gaj_steward", id);
        awaitSearch("rsj_admin", q(tag), r -> ids(r).contains(id));

        deleteTree(Path.of(indexDir));
        Response started = HttpApi.as(port, "admin").post("/api/v1/catalog/search/rebuild", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.text("state")).isIn("REBUILDING", "INDEXING", "READY");
        JsonNode status = await("rebuilt", () -> HttpApi.as(port, "admin").get("/api/v1/catalog/search/status").json(),
            s -> s.get("state").asString().equals("READY") && Files.exists(Path.of(indexDir, "CURRENT")));
        assertThat(status.get("progress").asInt()).isEqualTo(100);

        Set<String> visible = new HashSet<>(jdbc.sql("select id::text from catalog_resource where status <> 'WITHDRAWN'")
            .query(String.class).list());
        Set<String> published = new HashSet<>(jdbc.sql(
                "select id::text from catalog_resource where status in ('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED')")
            .query(String.class).list());
        assertThat(status.get("documents").asLong()).isGreaterThanOrEqualTo(visible.size());
        assertThat(everything("admin")).containsAll(visible);
        assertThat(everything("rsj_admin")).containsAll(published);
        assertThat(ids(search("rsj_admin", q("出入境 " + tag)))).containsExactly(id);
    }

    private Set<String> everything(String user) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode r = search(user, "size=100&page=" + page);
            ids.addAll(ids(r));
            if ((page + 1) * 100L >= r.get("total").asLong()) {
                return ids;
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
