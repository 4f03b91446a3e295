package org.govshare.exchange.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.platform.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of bench/gateway/run.sh that need more than curl: a deterministic population of
 * person-like records (10 items, resident identity numbers with valid check characters) and the
 * list of their keys; the set-up through the real APIs of a running app with the demo district
 * (gaj publishes the resource, loads the file and approves; rsj's client applies for 6 of the 10
 * items, 2 of them sensitive and masked); and the check of one lookup before the run.
 * <ul>
 *   <li>{@code data <dir> <rows>}: dir/persons.csv and dir/keys.txt (kept if already made for that count)</li>
 *   <li>{@code setup <port> <dir>}: publishes, uploads, grants; writes dir/state.env for the script</li>
 *   <li>{@code check <port> <dir>}: one lookup is 200 with exactly the 6 granted items, 2 of them masked</li>
 * </ul>
 */
public final class GatewayBenchmark {

    static final String PURPOSE = "社保参保登记核验户籍人口信息";
    static final String HEADER = "sfzh,xm,xb,csrq,mz,hjdz,lxdh,hyzk,whcd,xzqh";
    static final List<String> GRANTED = List.of("sfzh", "xm", "xb", "csrq", "hjdz", "lxdh");
    static final List<String> MASKED = List.of("xm", "lxdh");
    static final int DAILY_QUOTA = 10_000_000;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"};
    private static final String[] STREETS = {"龙泉街道", "大面街道", "十陵街道", "同安街道", "柏合街道", "洪河街道"};
    private static final String[] EDUCATION = {"小学", "初中", "高中", "大专", "本科", "研究生"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "data" -> data(Path.of(args[1]), Integer.parseInt(args[2]));
            case "setup" -> setup(Integer.parseInt(args[1]), Path.of(args[2]));
            case "check" -> System.exit(check(Integer.parseInt(args[1]), Path.of(args[2])) ? 0 : 1);
            default -> throw new IllegalArgumentException("data | setup | check, not " + args[0]);
        }
    }

    // --- data -------------------------------------------------------------------------------------

    static void data(Path dir, int rows) throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("persons.csv");
        Path keys = dir.resolve("keys.txt");
        Path stamp = dir.resolve("persons.rows");
        if (Files.exists(csv) && Files.exists(keys) && Files.exists(stamp)
            && Files.readString(stamp).strip().equals(String.valueOf(rows))) {
            System.out.printf("data: reusing %s (%,d rows, %,d MB)%n", csv, rows, Files.size(csv) >> 20);
            return;
        }
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter k = Files.newBufferedWriter(keys, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                String[] row = row(i);
                w.write(String.join(",", row));
                w.write('\n');
                k.write(row[0]);
                k.write('\n');
            }
        }
        Files.writeString(stamp, String.valueOf(rows));
        System.out.printf("data: generated %s (%,d rows, %,d MB) and %s in %.1f s%n", csv, rows, Files.size(csv) >> 20,
            keys.getFileName(), (System.nanoTime() - t0) / 1e9);
    }

    /** Row i: the same values every time, unique resident identity numbers for i below 29,000 x 1,000. */
    static String[] row(int i) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 29_000);
        String id = ResidentId.withCheckChar("510112" + birth.toString().replace("-", "") + "%03d".formatted(i / 29_000));
        return new String[] {
            id,
            SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length] + GIVEN[(i / 3) % GIVEN.length],
            String.valueOf(1 + i % 2),
            birth.toString(),
            "%02d".formatted(1 + i % 56),
            "四川省成都市龙泉驿区" + STREETS[i % STREETS.length] + (i % 300) + "号",
            "13" + "%09d".formatted((i * 7L) % 1_000_000_000L),
            String.valueOf(10 * (1 + i % 4)),
            EDUCATION[i % EDUCATION.length],
            "5101120%05d".formatted(i % 12 + 1)};
    }

    // --- setup ------------------------------------------------------------------------------------

    static void setup(int port, Path dir) throws Exception {
        long t0 = System.nanoTime();
        UUID resource = publish(port);
        String code = HttpApi.as(port, "gaj_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        System.out.printf("setup: resource %s (%s) published by gaj in %.1f s%n", code, resource, secs(t0));
        rules(port, resource);

        long t1 = System.nanoTime();
        JsonNode load = upload(port, resource, dir.resolve("persons.csv"));
        double loadSecs = secs(t1);
        if (!"SUCCEEDED".equals(load.get("state").asString())) {
            throw new IllegalStateException("load did not succeed: " + load);
        }
        long accepted = load.get("rowsAccepted").asLong();
        System.out.printf("setup: CSV upload + load job: %,d records accepted, %,d rejected in %.1f s (%,.0f rows/s)%n",
            accepted, load.get("rowsRejected").asLong(), loadSecs, accepted / loadSecs);

        HttpApi admin = HttpApi.as(port, "rsj_admin");
        String org = admin.get("/api/v1/me").text("organizationId");
        Response app = expect(admin.post("/api/v1/clients", """
            {"organizationId":"%s","name":"社保经办基准客户端%s"}""".formatted(org, UUID.randomUUID().toString().substring(0, 6))),
            201);
        String clientId = app.text("id");
        String apiKey = expect(admin.post("/api/v1/clients/" + clientId + "/keys", null), 201).text("apiKey");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Response applied = expect(HttpApi.as(port, "rsj_steward").post("/api/v1/sharing/applications", """
            {"resourceId":"%s","items":%s,"clientApplicationId":"%s","purpose":"%s",
             "basis":"《社会保险法》第五十七条","scenario":"参保登记时核验户籍信息","validFrom":"%s","validUntil":"%s",
             "expectedDailyCalls":%d}
            """.formatted(resource, json(GRANTED), clientId, PURPOSE, today, today.plusYears(1), DAILY_QUOTA)), 201);
        String applicationId = applied.text("id");
        expect(HttpApi.as(port, "admin").post("/api/v1/sharing/applications/" + applicationId + "/precheck",
            "{\"passed\":true,\"comment\":\"基准测试初审通过\"}"), 200);
        Response approved = expect(HttpApi.as(port, "gaj_reviewer").post(
            "/api/v1/sharing/applications/" + applicationId + "/approve", """
                {"items":%s,"dailyQuota":%d,"masks":{"xm":{"type":"SHOW_FIRST","n":1},"lxdh":{"type":"SHOW_LAST","n":4}},
                 "comment":"基准测试：姓名只显示姓，电话只显示后4位"}
                """.formatted(json(GRANTED), DAILY_QUOTA)), 200);
        String grantId = approved.text("grantId");
        System.out.printf("setup: client %s with a key; application %s pre-checked by admin, approved by gaj_reviewer: "
            + "grant %s on %s, masked %s, daily quota %,d%n", clientId, applicationId, grantId, GRANTED, MASKED,
            DAILY_QUOTA);

        Map<String, String> state = new LinkedHashMap<>();
        state.put("RESOURCE_ID", resource.toString());
        state.put("CODE", code);
        state.put("TABLE", "dataset_record_" + resource.toString().replace("-", ""));
        state.put("CLIENT_ID", clientId);
        state.put("API_KEY", apiKey);
        state.put("GRANT_ID", grantId);
        state.put("PURPOSE_ENCODED", URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8));
        state.put("RECORDS", String.valueOf(accepted));
        StringBuilder env = new StringBuilder();
        state.forEach((k, v) -> env.append(k).append("='").append(v).append("'\n"));
        Files.writeString(dir.resolve("state.env"), env.toString());
    }

    /**
     * 户籍人口登记信息 of the police sub-bureau (gaj), a department resource (public security; a basic
     * resource could not have conditional items): 10 items, name and phone sensitive and conditional.
     */
    private static UUID publish(int port) {
        String items = """
            {"name":"公民身份号码","codeName":"sfzh","dataType":"STRING","length":18,"key":true},
            {"name":"姓名","codeName":"xm","dataType":"STRING","length":50,"sensitivity":"SENSITIVE",
             "shareType":"CONDITIONAL","shareCondition":"仅用于核验本人身份的业务"},
            {"name":"性别","codeName":"xb","dataType":"STRING","length":1},
            {"name":"出生日期","codeName":"csrq","dataType":"DATE"},
            {"name":"民族","codeName":"mz","dataType":"STRING","length":2},
            {"name":"户籍地址","codeName":"hjdz","dataType":"STRING","length":200},
            {"name":"联系电话","codeName":"lxdh","dataType":"STRING","length":20,"sensitivity":"SENSITIVE",
             "shareType":"CONDITIONAL","shareCondition":"仅用于业务办理联系本人"},
            {"name":"婚姻状况","codeName":"hyzk","dataType":"STRING","length":2},
            {"name":"文化程度","codeName":"whcd","dataType":"STRING","length":10},
            {"name":"行政区划代码","codeName":"xzqh","dataType":"STRING","length":12}
            """;
        String body = """
            {"classificationCode":"304","name":"户籍人口登记信息（数据服务基准%s）","summary":"数据服务网关基准测试用人口信息",
             "format":"DATABASE","shareType":"UNCONDITIONAL","openType":"NOT_OPEN","updateCycle":"DAILY","dataItems":[%s]}
            """.formatted(UUID.randomUUID().toString().substring(0, 6), items);
        HttpApi steward = HttpApi.as(port, "gaj_steward");
        String id = expect(steward.post("/api/v1/catalog/resources", body), 201).text("id");
        expect(steward.post("/api/v1/catalog/resources/" + id + "/submission", null), 200);
        Response approved = expect(HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}"),
            200);
        if (!"PUBLISHED".equals(approved.text("status"))) {
            throw new IllegalStateException("not published: " + approved.body());
        }
        return UUID.fromString(id);
    }

    private static void rules(int port, UUID resource) {
        String rules = """
            [{"codeName":"sfzh","required":true,"kind":"RESIDENT_ID"},
             {"codeName":"xm","required":true,"kind":"PLAIN"},
             {"codeName":"xb","required":true,"kind":"PLAIN","allowedValues":["1","2"]},
             {"codeName":"lxdh","required":false,"kind":"PLAIN","pattern":"1[3-9][0-9]{9}"},
             {"codeName":"hyzk","required":false,"kind":"PLAIN","allowedValues":["10","20","30","40"]}]
            """;
        expect(HttpApi.as(port, "gaj_steward").put("/api/v1/datasets/" + resource + "/rules", null, rules), 200);
    }

    /** Multipart upload of the file as gaj_steward, then polls the load job to its end. */
    private static JsonNode upload(int port, UUID resource, Path csv) throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"persons.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("gaj_steward:" + HttpApi.DEMO_PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
        String base = "http://localhost:" + port + "/api/v1/datasets/" + resource;
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/uploads"))
            .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofString(tail))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
        String loadId = JSON.readTree(r.body()).get("id").asString();
        while (true) {
            Thread.sleep(1000);
            JsonNode load = JSON.readTree(HttpApi.as(port, "gaj_steward").get("/api/v1/datasets/" + resource + "/loads/"
                + loadId).body());
            JsonNode view = load.has("load") ? load.get("load") : load;
            String state = view.get("state").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return view;
            }
        }
    }

    // --- check ------------------------------------------------------------------------------------

    /** One lookup of a key from the middle of the file, compared with the row it was made from. */
    static boolean check(int port, Path dir) throws Exception {
        Map<String, String> state = state(dir);
        int i = Integer.parseInt(state.get("RECORDS")) / 2;
        String[] row = row(i);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/data/" + state.get("CODE") + "/records/" + row[0]))
            .header("X-Api-Key", state.get("API_KEY")).header("X-Purpose", state.get("PURPOSE_ENCODED")).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.println("check: GET /api/v1/data/" + state.get("CODE") + "/records/" + row[0] + " -> "
            + r.statusCode() + " " + r.body());
        if (r.statusCode() != 200) {
            return false;
        }
        JsonNode record = JSON.readTree(r.body()).get("record");
        List<String> names = new ArrayList<>(record.propertyNames());
        List<String> header = List.of(HEADER.split(","));
        List<String> masked = new ArrayList<>();
        boolean ok = names.equals(GRANTED);
        for (String name : names) {
            String original = row[header.indexOf(name)];
            String shown = record.get(name).asString();
            if (!shown.equals(original)) {
                masked.add(name);
                ok &= shown.contains("*");
            }
        }
        ok &= masked.equals(MASKED);
        System.out.printf("check: %d items %s, masked %s (expected %d items %s, masked %s): %s%n", names.size(), names,
            masked, GRANTED.size(), GRANTED, MASKED, ok ? "OK" : "WRONG");
        return ok;
    }

    static Map<String, String> state(Path dir) throws Exception {
        Map<String, String> state = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("state.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                state.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
            }
        }
        return state;
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Response expect(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
        return r;
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
