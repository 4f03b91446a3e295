package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.dataset.internal.load.RowSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Published resources and in-memory sources for the dataset tests. */
final class DatasetFixtures {

    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);

    static final String PERSON_ITEMS = """
        {"name":"证件号码","codeName":"idno","dataType":"STRING","length":18,"key":true},
        {"name":"姓名","codeName":"xm","dataType":"STRING","length":50},
        {"name":"出生日期","codeName":"csrq","dataType":"DATE"},
        {"name":"人数","codeName":"rs","dataType":"INTEGER"}
        """;

    private DatasetFixtures() {
    }

    /** Registers, submits and approves a resource as the given steward; returns its id. */
    static UUID published(int port, String steward, String items) {
        String name = "归集测试资源" + N.incrementAndGet();
        String body = """
            {"classificationCode":"303001","name":"%s","summary":"数据归集测试","format":"DATABASE","shareType":"UNCONDITIONAL",
             "openType":"NOT_OPEN","updateCycle":"MONTHLY","dataItems":[%s]}
            """.formatted(name, items);
        Response r = HttpApi.as(port, steward).post("/api/v1/catalog/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.text("id");
        assertThat(HttpApi.as(port, steward).post("/api/v1/catalog/resources/" + id + "/submission", null).status())
            .isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.text("status")).as(approved.body()).isEqualTo("PUBLISHED");
        return UUID.fromString(id);
    }

    static UUID draft(int port, String steward, String items) {
        String body = """
            {"classificationCode":"303001","name":"未发布%s","summary":"数据归集测试","format":"DATABASE","shareType":"UNCONDITIONAL",
             "openType":"NOT_OPEN","updateCycle":"MONTHLY","dataItems":[%s]}
            """.formatted(N.incrementAndGet(), items);
        Response r = HttpApi.as(port, steward).post("/api/v1/catalog/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    /** Rows given as arrays, the first being the header. */
    static RowSource rows(String[]... rows) {
        return new ListSource(Arrays.asList(rows));
    }

    static final class ListSource implements RowSource {
        private final List<String[]> rows;
        private int i = 1;

        ListSource(List<String[]> rows) {
            this.rows = rows;
        }

        @Override
        public List<String> columns() {
            return List.of(rows.get(0));
        }

        @Override
        public String[] next() {
            return i < rows.size() ? rows.get(i++) : null;
        }

        @Override
        public long rowNumber() {
            return i;
        }

        @Override
        public void close() {
        }
    }

    /** Current records as key → data text, sorted, straight from the table. */
    static Map<String, String> records(JdbcClient jdbc, UUID resource) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("select record_key, data::text from dataset_record where resource_id = ?").param(resource)
            .query(rs -> {
                out.put(rs.getString(1), rs.getString(2));
            });
        return out;
    }

    /** Change rows as "seq op key before". */
    static List<String> changes(JdbcClient jdbc, UUID resource) {
        List<String> out = new ArrayList<>();
        jdbc.sql("select seq, op, record_key, before::text from dataset_change where resource_id = ? order by seq")
            .param(resource).query(rs -> {
                out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            });
        return out;
    }
}
