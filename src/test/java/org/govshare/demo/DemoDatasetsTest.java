package org.govshare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govshare.IntegrationTest;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ResidentId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo district's records: loaded through all three channels (uploads run as jobs, pulls by the
 * scheduler, so the test waits for them), valid identifiers, one load that kept its valid rows, and
 * a few published resources left without data so the console shows them overdue.
 */
@IntegrationTest
class DemoDatasetsTest {

    private static final String DEMO = "(select id from catalog_resource where summary like '记录龙泉驿区%')";

    @Autowired
    JdbcClient jdbc;

    private Map<String, Long> succeededByChannel() {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.sql("select channel, count(*) from dataset_load where state = 'SUCCEEDED' and resource_id in " + DEMO
            + " group by channel").query(rs -> {
                out.put(rs.getString(1), rs.getLong(2));
            });
        return out;
    }

    @Test
    void demoResourcesHoldRecordsFromUploadsPushesAndPulls() throws Exception {
        // records load in the background after start: wait until every channel has delivered
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Map<String, Long> byChannel = succeededByChannel();
        while ((byChannel.getOrDefault("PULL", 0L) < 3 || byChannel.getOrDefault("UPLOAD", 0L) <= 100
                || byChannel.getOrDefault("PUSH", 0L) <= 30 || queued() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            byChannel = succeededByChannel();
        }
        assertThat(byChannel.getOrDefault("UPLOAD", 0L)).isGreaterThan(100);
        assertThat(byChannel.getOrDefault("PUSH", 0L)).isGreaterThan(30);
        assertThat(byChannel.getOrDefault("PULL", 0L)).isBetween(3L, 6L);
        assertThat(jdbc.sql("select count(*) from dataset_load where resource_id in " + DEMO
            + " and state not in ('SUCCEEDED')").query(Long.class).single()).as("no demo load failed").isZero();

        List<Long> counts = jdbc.sql("select record_count from dataset where resource_id in " + DEMO + " and version > 0")
            .query(Long.class).list();
        assertThat(counts).allSatisfy(n -> assertThat(n).isBetween(17L, 200L));

        assertThat(jdbc.sql("select count(*) from dataset_load where resource_id in " + DEMO
            + " and policy = 'KEEP_VALID' and state = 'SUCCEEDED' and rows_rejected > 0").query(Long.class).single())
            .as("one upload kept its valid rows").isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from catalog_resource r where r.id in " + DEMO + " and r.status in "
            + "('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED') and not exists (select 1 from dataset d where "
            + "d.resource_id = r.id and d.version > 0)").query(Long.class).single())
            .as("a few promising resources never loaded: overdue").isBetween(3L, 20L);

        List<String> ids = jdbc.sql("select r.data->>i.code_name from dataset_record r join catalog_data_item i "
            + "on i.resource_id = r.resource_id and i.name = '公民身份号码' where r.resource_id in " + DEMO + " limit 500")
            .query(String.class).list();
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(ResidentId.check(id).valid()).as(id).isTrue());
        List<String> codes = jdbc.sql("select r.data->>i.code_name from dataset_record r join catalog_data_item i "
            + "on i.resource_id = r.resource_id and i.name = '统一社会信用代码' where r.resource_id in " + DEMO + " limit 500")
            .query(String.class).list();
        assertThat(codes).isNotEmpty().allSatisfy(c -> assertThat(CreditCode.check(c).valid()).as(c).isTrue());

        assertThat(jdbc.sql("select count(*) from dataset_pull where source_id in (select id from dataset_source_db "
            + "where name = '演示前置库') and last_state = 'SUCCEEDED' and watermark is not null").query(Long.class).single())
            .isBetween(3L, 6L);
    }

    private long queued() {
        return jdbc.sql("select count(*) from dataset_load where state in ('QUEUED','RUNNING')").query(Long.class).single();
    }
}
