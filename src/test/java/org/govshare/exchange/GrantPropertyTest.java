package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.exchange.ExchangeFixtures.call;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.exchange.internal.ScopeProbe;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data service over real HTTP under random grants made through the real sharing path, from one
 * printed seed (rerun with {@code -Dgovshare.seed=<seed>}): one published resource of text, numeric
 * and date items (one not shared at all), 200 records whose text values are unique markers, then
 * random grants (items, row scope on any item, masks) approved by the provider's reviewer. For
 * each: lookups of keys in and out of scope, random filtered queries paged to the end, and both
 * exports. No response may show a non-granted item, a raw value of a masked item or a record out
 * of scope; every record returned must be exactly the oracle's projection ({@link GrantOracle});
 * the exports return exactly the oracle's scope, which the database's conditions and the JVM's
 * check each select too.
 */
@IntegrationTest
class GrantPropertyTest {

    private static final long SEED = Long.getLong("govshare.seed", Long.getLong("govshare.test.seed", System.nanoTime()));
    private static final int RECORDS = 200;
    private static final int GRANTS = 8;
    private static final String PURPOSE = "属性测试：授权范围核对";
    private static final String HASHED = "#H";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);

    /** An item of the test resource; {@code marker}: its values are unique strings, so a leak shows as a substring. */
    record Item(String codeName, String name, DataType type, Integer length, Sensitivity sensitivity, String share,
                boolean marker) {

        boolean numeric() {
            return type == DataType.INTEGER || type == DataType.DECIMAL;
        }

        boolean shareable() {
            return !share.equals("NOT_SHARED");
        }
    }

    static final List<Item> ITEMS = List.of(
        new Item("dm", "主体编码", DataType.STRING, 20, Sensitivity.PUBLIC, "UNCONDITIONAL", true),
        new Item("mc", "主体名称", DataType.STRING, 100, Sensitivity.PUBLIC, "UNCONDITIONAL", true),
        new Item("xzqh", "行政区划", DataType.STRING, 12, Sensitivity.PUBLIC, "UNCONDITIONAL", false),
        new Item("zczb", "注册资本", DataType.DECIMAL, 12, Sensitivity.INTERNAL, "UNCONDITIONAL", false),
        new Item("cyrs", "从业人数", DataType.INTEGER, null, Sensitivity.PUBLIC, "UNCONDITIONAL", false),
        new Item("clrq", "成立日期", DataType.DATE, null, Sensitivity.SENSITIVE, "CONDITIONAL", false),
        new Item("fddbr", "法定代表人", DataType.STRING, 50, Sensitivity.SENSITIVE, "CONDITIONAL", true),
        new Item("lxdh", "联系电话", DataType.STRING, 20, Sensitivity.RESTRICTED, "CONDITIONAL", true),
        new Item("nsxx", "纳税信息", DataType.STRING, 200, Sensitivity.INTERNAL, "NOT_SHARED", true));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SharingManagement sharing;

    /** A random grant as approved, and what the oracle derives from it. */
    record Grant(int index, Client client, List<String> items, Map<String, Mask> masks, List<RowFilter> scope,
                 String approval) {

        boolean grants(String item) {
            return items.contains(item);
        }

        Mask mask(Item item) {
            return GrantOracle.effective(masks.get(item.codeName()), item.sensitivity());
        }

        boolean visible(Item item) {
            return grants(item.codeName()) && mask(item).type() == MaskType.NONE;
        }
    }

    private final Map<String, Map<String, String>> records = new LinkedHashMap<>();
    private final int[] tally = new int[6];

    @Test
    void noResponseShowsMoreThanItsRandomGrant() {
        try {
            run(new Random(SEED));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed with seed " + SEED + " (rerun with -Dgovshare.seed=" + SEED
                + ")\n" + e.getMessage(), e);
        }
        System.out.printf("GrantPropertyTest seed %d: %d grants, %d lookups in scope, %d out, %d queries, "
            + "%d records queried, %d exported%n", SEED, GRANTS, tally[0], tally[1], tally[2], tally[3], tally[4]);
        assertThat(tally[0]).as("lookups in scope").isPositive();
        assertThat(tally[1]).as("lookups out of scope").isPositive();
    }

    private void run(Random r) {
        UUID resource = publish();
        String code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        push(r, resource);
        for (int g = 0; g < GRANTS; g++) {
            Grant grant = grant(r, g, resource);
            String why = "grant " + g + " items " + grant.items() + " masks " + grant.masks() + " scope "
                + grant.scope() + " (approval " + grant.approval() + ")";
            try {
                check(r, code, resource, grant);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(why + "\n" + e.getMessage(), e);
            }
        }
    }

    // --- the resource and its records --------------------------------------------------------------

    private UUID publish() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item i : ITEMS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("codeName", i.codeName());
            m.put("dataType", i.type().name());
            if (i.length() != null) {
                m.put("length", i.length());
            }
            m.put("sensitivity", i.sensitivity().name());
            m.put("shareType", i.share());
            if (i.share().equals("CONDITIONAL")) {
                m.put("shareCondition", "仅用于属性测试");
            }
            if (i.share().equals("NOT_SHARED")) {
                m.put("legalBasis", "《中华人民共和国税收征收管理法》第八条");
            }
            m.put("key", i.codeName().equals("dm"));
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classificationCode", "303001");
        body.put("name", "属性测试主体信息" + N.incrementAndGet());
        body.put("summary", "授权范围属性测试");
        body.put("format", "DATABASE");
        body.put("shareType", "UNCONDITIONAL");
        body.put("openType", "NOT_OPEN");
        body.put("updateCycle", "MONTHLY");
        body.put("dataItems", items);
        Response created = HttpApi.as(port, "scjg_steward").post("/api/v1/catalog/resources",
            JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(HttpApi.as(port, "scjg_steward").post("/api/v1/catalog/resources/" + id + "/submission", null)
            .status()).isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.text("status")).as(approved.body()).isEqualTo("PUBLISHED");
        return UUID.fromString(id);
    }

    private static String token(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append("abcdefghjkmnpqrstuvwyz23456789".charAt(r.nextInt(30)));
        }
        return sb.toString();
    }

    private void push(Random r, UUID resource) {
        String[] areas = {"12", "04", "15"};
        String[] capitals = {"100.00", "2500.50", "0.10", "99999.99"};
        for (int i = 0; i < RECORDS; i++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("dm", "K%03d-%s".formatted(i, token(r)));
            v.put("mc", "名称MC%03d%s".formatted(i, token(r)));
            v.put("xzqh", "5101" + areas[r.nextInt(areas.length)] + "%03d".formatted(r.nextInt(30)));
            v.put("zczb", r.nextInt(3) == 0 ? capitals[r.nextInt(capitals.length)]
                : BigDecimal.valueOf(r.nextInt(2_000_000), 2).toPlainString());
            v.put("cyrs", Integer.toString(r.nextInt(60)));
            v.put("clrq", LocalDate.of(2000, 1, 1).plusDays(r.nextInt(9000)).toString());
            v.put("fddbr", "法人FR%03d%s".formatted(i, token(r)));
            v.put("lxdh", "13%03d%06d".formatted(i, r.nextInt(1_000_000)));
            v.put("nsxx", "纳税NS%03d%s".formatted(i, token(r)));
            for (Item item : ITEMS) {
                if (!item.codeName().equals("dm") && r.nextInt(10) == 0) {
                    v.remove(item.codeName());
                }
            }
            records.put(v.get("dm"), v);
        }
        String rows = JSON.writeValueAsString(new ArrayList<>(records.values()));
        ExchangeFixtures.push(port, resource, "props-" + UUID.randomUUID(), rows.substring(1, rows.length() - 1));
    }

    // --- random grants through the sharing API ------------------------------------------------------

    private Grant grant(Random r, int index, UUID resource) {
        List<String> requested = new ArrayList<>();
        for (Item i : ITEMS) {
            if (i.shareable() && r.nextInt(5) < 3) {
                requested.add(i.codeName());
            }
        }
        List<String> conditional = ITEMS.stream().filter(i -> i.share().equals("CONDITIONAL")).map(Item::codeName)
            .toList();
        if (requested.stream().noneMatch(conditional::contains)) {
            // a conditional item makes the provider's reviewer decide, with a scope and masks
            requested.add(conditional.get(r.nextInt(conditional.size())));
        }
        List<String> granted = new ArrayList<>();
        if (r.nextInt(4) != 0) {
            requested.stream().filter(i -> r.nextInt(3) != 0).forEach(granted::add);
        }
        if (granted.isEmpty()) {
            granted.addAll(requested);
        }
        if (index == 1) {
            // one single-item grant every run: its CSV export once lost the records without a value
            // (a lone empty value printed a blank line, which CSV readers skip; seed 29003749315014)
            granted.clear();
            granted.add(requested.stream().filter(i -> !i.equals("dm")).findFirst().orElseThrow());
        }
        Map<String, Mask> masks = new LinkedHashMap<>();
        for (String item : granted) {
            if (r.nextInt(5) < 2) {
                MaskType type = MaskType.values()[r.nextInt(MaskType.values().length)];
                masks.put(item, new Mask(type, type.takesLength() ? 1 + r.nextInt(12) : null));
            }
        }
        List<RowFilter> scope = new ArrayList<>();
        if (index == 0) {
            // one PREFIX on a number every run: sharing accepts it, and it once broke queries and exports
            scope.add(new RowFilter("zczb", FilterOp.PREFIX, List.of(Integer.toString(1 + r.nextInt(9)))));
        }
        // a bound on a number that is not a number ("12x") once let every record through lookups; sharing
        // now refuses such a scope (ScopesTest), and the compiled grant fails closed on it anyway
        // (GrantScopePropertyTest, seed 42)
        int roll = r.nextInt(6);
        for (int k = roll < 2 ? 0 : roll < 5 ? 1 : 2; k > 0; k--) {
            scope.add(filter(r));
        }
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("items", granted);
        approval.put("dailyQuota", 5000);
        List<Map<String, Object>> filters = new ArrayList<>();
        for (RowFilter f : scope) {
            filters.add(Map.of("item", f.item(), "op", f.op().name(), "values", f.values()));
        }
        approval.put("rowScope", filters);
        Map<String, Object> maskBody = new LinkedHashMap<>();
        masks.forEach((item, m) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", m.type().name());
            if (m.n() != null) {
                one.put("n", m.n());
            }
            maskBody.put(item, one);
        });
        approval.put("masks", maskBody);
        approval.put("comment", "属性测试随机授权");
        String body = JSON.writeValueAsString(approval);
        Client client = ExchangeFixtures.client(port, "rsj_admin", "属性测试");
        ExchangeFixtures.grant(port, resource, client, JSON.writeValueAsString(requested), body, PURPOSE);
        return new Grant(index, client, List.copyOf(granted), Map.copyOf(masks), List.copyOf(scope), body);
    }

    /** A row filter sharing accepts, on any item of the resource (granted or not, even one never shared). */
    private RowFilter filter(Random r) {
        Item item = ITEMS.get(r.nextInt(ITEMS.size()));
        FilterOp op = FilterOp.values()[r.nextInt(FilterOp.values().length)];
        List<String> values = new ArrayList<>();
        switch (op) {
            case EQ -> values.add(near(r, item));
            case IN -> {
                for (int k = 1 + r.nextInt(60); k > 0; k--) {
                    values.add(near(r, item));
                }
            }
            case PREFIX -> {
                String v = near(r, item);
                values.add(v.substring(0, 1 + r.nextInt(Math.min(v.length(), 8))));
            }
            case RANGE -> {
                values.add(r.nextInt(5) == 0 ? "" : near(r, item));
                values.add(!values.get(0).isEmpty() && r.nextInt(5) == 0 ? "" : near(r, item));
            }
            default -> throw new IllegalStateException();
        }
        return new RowFilter(item.codeName(), op, values);
    }

    /** A value some record holds for the item (numbers sometimes spelled with another scale). */
    private String near(Random r, Item item) {
        List<Map<String, String>> all = new ArrayList<>(records.values());
        String v = null;
        while (v == null) {
            v = all.get(r.nextInt(all.size())).get(item.codeName());
        }
        if (item.numeric() && r.nextInt(4) == 0) {
            v = new BigDecimal(v).setScale(new BigDecimal(v).scale() + 1).toPlainString();
        }
        return v;
    }

    // --- the oracle ---------------------------------------------------------------------------------

    private static Item item(String codeName) {
        return ITEMS.stream().filter(i -> i.codeName().equals(codeName)).findFirst().orElse(null);
    }

    private static boolean inScope(List<RowFilter> filters, Map<String, String> record) {
        return GrantOracle.inScope(filters, record::get, name -> item(name).numeric());
    }

    private static String number(String text) {
        BigDecimal d = new BigDecimal(text).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** The record as the grant lets it be seen, normalized: name=value in catalog order, hashes as a token. */
    private static String expected(Grant g, Map<String, String> record, boolean csv) {
        List<String> parts = new ArrayList<>();
        for (Item i : ITEMS) {
            String raw = record.get(i.codeName());
            if (!g.grants(i.codeName()) || raw == null && !csv) {
                continue;
            }
            Mask m = g.mask(i);
            String shown = raw == null ? null : m.type() == MaskType.NONE && i.numeric() ? number(raw)
                : GrantOracle.masked(m, raw, x -> HASHED);
            parts.add(i.codeName() + "=" + (shown == null ? csv ? "" : "∅" : shown));
        }
        return String.join("\u0001", parts);
    }

    private static String normalized(Grant g, String name, String text, boolean isNull) {
        Item i = item(name);
        if (i == null || !g.grants(name)) {
            return name + "=!" + text;
        }
        if (isNull) {
            return name + "=∅";
        }
        Mask m = g.mask(i);
        if (m.type() == MaskType.HASH && !text.isEmpty()) {
            assertThat(text).as(name + " hashed").matches("[0-9a-f]{64}");
            return name + "=" + HASHED;
        }
        return name + "=" + (m.type() == MaskType.NONE && i.numeric() && !text.isEmpty() ? number(text) : text);
    }

    private static String normalized(Grant g, JsonNode record) {
        List<String> parts = new ArrayList<>();
        for (String name : record.propertyNames()) {
            JsonNode v = record.get(name);
            String text = v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
            parts.add(normalized(g, name, text, v.isNull()));
        }
        return String.join("\u0001", parts);
    }

    /**
     * No marker value of an item the grant does not show plainly, and none of a record out of
     * scope, anywhere in the body ({@code sent}: what the client itself sent, e.g. the key looked up).
     */
    private void assertNothingLeaks(Grant g, String body, String sent) {
        String b = sent == null ? body : body.replace(sent, "");
        for (Map<String, String> record : records.values()) {
            boolean in = inScope(g.scope(), record);
            for (Item i : ITEMS) {
                String raw = record.get(i.codeName());
                if (i.marker() && raw != null && (!g.visible(i) || !in)) {
                    assertThat(b).as("leaks " + i.codeName() + " of " + record.get("dm")
                        + (g.visible(i) ? " (out of scope)" : " (not shown plainly)")).doesNotContain(raw);
                }
            }
        }
        for (Item i : ITEMS) {
            if (!g.grants(i.codeName())) {
                assertThat(b).as("names a non-granted item").doesNotContain("\"" + i.codeName() + "\"");
            }
        }
    }

    // --- the checks per grant -----------------------------------------------------------------------

    private HttpResponse<String> get(Grant g, String path) {
        return call(port, g.client().key(), PURPOSE, "GET", path, null);
    }

    private void check(Random r, String code, UUID resource, Grant g) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<String> expectedScope = new ArrayList<>();
        records.forEach((key, record) -> {
            (inScope(g.scope(), record) ? in : out).add(key);
            if (inScope(g.scope(), record)) {
                expectedScope.add(expected(g, record, false));
            }
        });

        lookups(r, code, g, in, out);
        for (int q = 0; q < 4; q++) {
            query(r, code, g);
        }
        refusedFilters(code, g);

        HttpResponse<String> jsonl = get(g, "/api/v1/data/" + code + "/export?format=jsonl");
        assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
        assertNothingLeaks(g, jsonl.body(), null);
        List<String> exported = jsonl.body().lines().map(l -> normalized(g, JSON.readTree(l))).toList();
        assertThat(exported).as("JSON Lines export").containsExactlyInAnyOrderElementsOf(expectedScope);
        tally[4] += exported.size();

        HttpResponse<String> csv = get(g, "/api/v1/data/" + code + "/export?format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertNothingLeaks(g, csv.body(), null);
        List<String> header = ITEMS.stream().map(Item::codeName).filter(g::grants).toList();
        List<String> rows = new ArrayList<>();
        try {
            List<CSVRecord> parsed = CSVFormat.DEFAULT.parse(new StringReader(csv.body().substring(1))).getRecords();
            assertThat(parsed.get(0).toList()).as("CSV header").isEqualTo(header);
            for (CSVRecord row : parsed.subList(1, parsed.size())) {
                List<String> parts = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    parts.add(normalized(g, header.get(c), row.get(c), false));
                }
                rows.add(String.join("\u0001", parts));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> expectedCsv = in.stream().map(k -> expected(g, records.get(k), true)).toList();
        assertThat(rows).as("CSV export").containsExactlyInAnyOrderElementsOf(expectedCsv);

        // the database's conditions and the JVM's check select the oracle's scope
        GrantView view = CurrentActor.runAs(CurrentActor.system(),
            () -> sharing.activeGrant(g.client().id(), resource).orElseThrow());
        ScopeProbe probe = new ScopeProbe(context, view);
        assertThat(probe.sqlKeys()).as("SQL scope").isEqualTo(new TreeSet<>(in));
        assertThat(probe.jvmKeys()).as("JVM scope").isEqualTo(new TreeSet<>(in));
    }

    private void lookups(Random r, String code, Grant g, List<String> in, List<String> out) {
        List<String> keys = new ArrayList<>();
        List<String> shuffledIn = new ArrayList<>(in);
        List<String> shuffledOut = new ArrayList<>(out);
        Collections.shuffle(shuffledIn, r);
        Collections.shuffle(shuffledOut, r);
        keys.addAll(shuffledIn.subList(0, Math.min(6, in.size())));
        keys.addAll(shuffledOut.subList(0, Math.min(6, out.size())));
        keys.add("K999-" + token(r));
        for (String key : keys) {
            HttpResponse<String> res = get(g, "/api/v1/data/" + code + "/records/" + key);
            assertNothingLeaks(g, res.body(), res.statusCode() == 200 ? null : key);
            Map<String, String> record = records.get(key);
            if (record != null && inScope(g.scope(), record)) {
                assertThat(res.statusCode()).as(key + ": " + res.body()).isEqualTo(200);
                assertThat(normalized(g, JSON.readTree(res.body()).get("record"))).as("lookup " + key)
                    .isEqualTo(expected(g, record, false));
                tally[0]++;
            } else {
                assertThat(res.statusCode()).as(key + ": " + res.body()).isEqualTo(404);
                assertThat(JSON.readTree(res.body()).get("code").asString()).isEqualTo("record-not-found");
                tally[1]++;
            }
        }
    }

    /** A random filtered query, paged to the end with a random page size: exactly scope ∧ filters. */
    private void query(Random r, String code, Grant g) {
        List<Item> queryable = ITEMS.stream().filter(g::visible).toList();
        List<String> params = new ArrayList<>();
        List<RowFilter> filters = new ArrayList<>();
        for (Item i : queryable) {
            if (r.nextInt(3) != 0) {
                continue;
            }
            int op = r.nextInt(4);
            if (op == 2 && (i.numeric() || i.type() == DataType.BOOLEAN)) {
                op = 0;
            }
            if (op == 3 && i.sensitivity() == Sensitivity.RESTRICTED) {
                op = 1;
            }
            switch (op) {
                case 0 -> {
                    String v = near(r, i);
                    params.add(i.codeName() + "=" + enc(v));
                    filters.add(new RowFilter(i.codeName(), FilterOp.EQ, List.of(v)));
                }
                case 1 -> {
                    List<String> vs = new ArrayList<>();
                    for (int k = 1 + r.nextInt(8); k > 0; k--) {
                        vs.add(near(r, i));
                    }
                    params.add(i.codeName() + ".in=" + enc(String.join(",", vs)));
                    filters.add(new RowFilter(i.codeName(), FilterOp.IN, vs));
                }
                case 2 -> {
                    String v = near(r, i);
                    v = v.substring(0, 1 + r.nextInt(Math.min(v.length(), 8)));
                    params.add(i.codeName() + ".prefix=" + enc(v));
                    filters.add(new RowFilter(i.codeName(), FilterOp.PREFIX, List.of(v)));
                }
                default -> {
                    String from = r.nextInt(4) == 0 ? "" : near(r, i);
                    String to = !from.isEmpty() && r.nextInt(4) == 0 ? "" : near(r, i);
                    if (!from.isEmpty()) {
                        params.add(i.codeName() + ".from=" + enc(from));
                    }
                    if (!to.isEmpty()) {
                        params.add(i.codeName() + ".to=" + enc(to));
                    }
                    filters.add(new RowFilter(i.codeName(), FilterOp.RANGE, List.of(from, to)));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (Map<String, String> record : records.values()) {
            if (inScope(g.scope(), record) && inScope(filters, record)) {
                expected.add(expected(g, record, false));
            }
        }
        int size = 1 + r.nextInt(r.nextBoolean() ? 10 : 100);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/data/" + code + "/records?size=" + size
                + (params.isEmpty() ? "" : "&" + String.join("&", params))
                + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> res = get(g, path);
            assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
            assertNothingLeaks(g, res.body(), null);
            JsonNode page = JSON.readTree(res.body());
            assertThat(page.get("records").size()).as(path).isLessThanOrEqualTo(size)
                .isEqualTo(page.get("count").asInt());
            page.get("records").forEach(rec -> seen.add(normalized(g, rec)));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
            assertThat(pages).as("pages of " + path).isLessThanOrEqualTo(RECORDS + 1);
        } while (cursor != null);
        assertThat(seen).as("query " + params + " size " + size).containsExactlyInAnyOrderElementsOf(expected);
        tally[2]++;
        tally[3] += seen.size();
    }

    /** Filters on a non-granted or a masked item are refused and say nothing of the data. */
    private void refusedFilters(String code, Grant g) {
        for (Item i : ITEMS) {
            if (g.visible(i)) {
                continue;
            }
            HttpResponse<String> res = get(g, "/api/v1/data/" + code + "/records?" + i.codeName() + ".prefix=1");
            assertThat(res.statusCode()).as(res.body()).isEqualTo(403);
            assertThat(JSON.readTree(res.body()).get("code").asString())
                .isEqualTo(g.grants(i.codeName()) ? "filter-item-masked" : "filter-item-not-granted");
            assertNothingLeaks(g, res.body().replace("\"field\":\"" + i.codeName() + ".prefix\"", "")
                .replace(i.codeName(), ""), null);
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
