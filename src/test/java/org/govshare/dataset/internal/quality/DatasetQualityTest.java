package org.govshare.dataset.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.DatasetEvents.DatasetOverdue;
import org.govshare.dataset.DatasetHealth;
import org.govshare.dataset.DatasetQuality;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.Quality;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Quality figures after known loads, freshness against the promise, and the overdue sweep. */
@IntegrationTest
class DatasetQualityTest {

    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);
    private static final String ITEMS = """
        {"name":"证件号码","codeName":"idno","dataType":"STRING","length":18,"key":true},
        {"name":"姓名","codeName":"xm","dataType":"STRING","length":50},
        {"name":"出生日期","codeName":"csrq","dataType":"DATE"},
        {"name":"人数","codeName":"rs","dataType":"INTEGER"}
        """;
    private static final String[] HEADER = {"idno", "xm", "csrq", "rs"};

    @LocalServerPort
    int port;

    @Autowired
    Loads loads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatasetHealthService health;

    @Autowired
    DatasetQuality quality;

    @Autowired
    OverdueSweep sweep;

    @Autowired
    CatalogManagement catalog;

    @Test
    void figuresAfterKnownLoadsAreExactFractions() {
        UUID r = published("scjg_steward");
        LoadView first = load(r, LoadMode.FULL, LoadPolicy.KEEP_VALID,
            new String[] {"A1", "张三", "1990-01-02", "1"},
            new String[] {"A2", "李四", null, "2"},
            new String[] {"A3", "张三", "1990-01-02", "1"},
            new String[] {"A4", null, " ", null},
            new String[] {"A5", "x", "1990-13-01", "1"});
        assertThat(first.state()).as(first.toString()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(first.rowsRead()).isEqualTo(5);
        // 12 of 16 values filled; A1 and A3 equal but for the key; 4 of 5 rows accepted
        Quality q = measuredAt(r, first.version());
        assertThat(q.completeness()).isEqualTo(12.0 / 16);
        assertThat(q.uniqueness()).isEqualTo(3.0 / 4);
        assertThat(q.validity()).isEqualTo(4.0 / 5);
        assertThat(q.measuredAt()).isNotNull();

        LoadView second = load(r, LoadMode.INCREMENTAL, LoadPolicy.ALL_OR_NOTHING,
            new String[] {"A4", "王五", "1991-01-01", "3"},
            new String[] {"A6", "王五", "1991-01-01", "3"});
        assertThat(second.state()).as(second.toString()).isEqualTo(LoadState.SUCCEEDED);
        Quality q2 = measuredAt(r, second.version());
        assertThat(q2.completeness()).isEqualTo(19.0 / 20);
        assertThat(q2.uniqueness()).isEqualTo(3.0 / 5);
        assertThat(q2.validity()).as("over the loads since the last full load").isEqualTo(6.0 / 7);

        LoadView third = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING,
            new String[] {"B1", "甲", null, null},
            new String[] {"B2", "乙", null, null});
        Quality q3 = measuredAt(r, third.version());
        assertThat(q3.validity()).as("a full load starts the count again").isEqualTo(1.0);
        assertThat(q3.completeness()).isEqualTo(4.0 / 8);
        assertThat(q3.uniqueness()).isEqualTo(1.0);
        assertThat(health.quality(r)).isEqualTo(q3);
    }

    @Test
    void anOlderMeasurementNeverOverwritesANewerOne() {
        UUID r = published("scjg_steward");
        LoadView first = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, new String[] {"C1", "甲", null, null});
        measuredAt(r, first.version());
        jdbc.sql("update dataset set measured_version = 99, completeness = 0.5 where resource_id = ?").param(r).update();
        CurrentActor.runAs(CurrentActor.system(), () -> meter.measure(r));
        assertThat(jdbc.sql("select completeness from dataset where resource_id = ?").param(r).query(Double.class)
            .single()).isEqualTo(0.5);
    }

    @Autowired
    QualityMeter meter;

    @Test
    void aResourceIsOverdueOnceItsLastLoadIsOlderThanItsPromiseAndTheSweepAnnouncesItOnce() {
        UUID r = published("scjg_steward");
        ResourceView view = CurrentActor.runAs(CurrentActor.system(), () -> catalog.published(r)).orElseThrow();
        assertThat(view.updateCycle()).isEqualTo(UpdateCycle.MONTHLY);
        LoadView first = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, new String[] {"D1", "甲", null, null});
        assertThat(health.figures(view).freshness().overdue()).as("just loaded").isFalse();
        assertThat(health.figures(view).freshness().dueAt()).isAfter(Instant.now().plus(Duration.ofDays(27)));

        Instant loadedAt = Instant.parse("2026-01-31T02:00:00Z"); // 10:00 on 31 January in Shanghai
        jdbc.sql("update dataset set last_loaded_at = ? where resource_id = ?").params(Timestamp.from(loadedAt), r)
            .update();
        DatasetHealth h = health.figures(view);
        assertThat(h.version()).isEqualTo(first.version());
        assertThat(h.freshness().lastUpdatedAt()).isEqualTo(loadedAt);
        assertThat(h.freshness().dueAt()).as("a month after 31 January is the end of February")
            .isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
        assertThat(h.freshness().overdue()).isTrue();

        List<DatasetOverdue> firstSweep = sweep.sweep();
        List<DatasetOverdue> secondSweep = sweep.sweep();
        DatasetOverdue expected = new DatasetOverdue(r, view.providerId(), Instant.parse("2026-02-28T02:00:00Z"));
        assertThat(firstSweep).contains(expected);
        assertThat(secondSweep).doesNotContain(expected);
        assertThat(secondSweep).noneMatch(e -> e.resourceId().equals(r));
        assertThat(jdbc.sql("select count(*) from dataset_overdue where resource_id = ?").param(r).query(Long.class)
            .single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from audit_entry where action = 'dataset.overdue' and target_id = ?")
            .param(r.toString()).query(Long.class).single()).isEqualTo(1));

        // a new load starts a new period: no longer overdue, nothing announced
        load(r, LoadMode.INCREMENTAL, LoadPolicy.ALL_OR_NOTHING, new String[] {"D2", "乙", null, null});
        assertThat(health.figures(view).freshness().overdue()).isFalse();
        assertThat(sweep.sweep()).noneMatch(e -> e.resourceId().equals(r));
    }

    @Test
    void healthIsForTheAuthorityAndTheOwningDepartment() {
        UUID r = published("scjg_steward");
        UUID scjg = CurrentActor.runAs(CurrentActor.system(), () -> catalog.published(r)).orElseThrow().providerId();
        UUID other = jdbc.sql("select id from organization where type = 'DEPARTMENT' and id <> ? order by name limit 1")
            .param(scjg).query(UUID.class).single();
        UUID authority = jdbc.sql("select id from organization where type = 'AUTHORITY'").query(UUID.class).single();

        List<DatasetHealth> own = CurrentActor.runAs(person(scjg, Roles.DATA_STEWARD), () -> quality.health(scjg));
        assertThat(own).extracting(DatasetHealth::resourceId).contains(r);
        assertThat(own).allMatch(h -> h.providerId().equals(scjg));
        DatasetHealth mine = own.stream().filter(h -> h.resourceId().equals(r)).findFirst().orElseThrow();
        assertThat(mine.version()).isZero();
        assertThat(mine.freshness().overdue()).as("published today, due in a month").isFalse();
        assertThat(mine.quality().completeness()).isNull();

        List<DatasetHealth> all = CurrentActor.runAs(person(authority, Roles.AUDITOR), () -> quality.health(null));
        assertThat(all).extracting(DatasetHealth::resourceId).contains(r);
        assertThat(all).extracting(DatasetHealth::resourceCode).isSorted();

        assertThatThrownBy(() -> CurrentActor.runAs(person(other, Roles.ORG_ADMIN), () -> quality.health(scjg)))
            .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThatThrownBy(() -> CurrentActor.runAs(person(scjg, Roles.DATA_STEWARD), () -> quality.health(null)))
            .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(403));
    }

    private static Actor person(UUID organization, String role) {
        return Actor.ofUser(UUID.randomUUID(), "quality-test", organization, Set.of(role));
    }

    private Quality measuredAt(UUID resource, int version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select coalesce(measured_version, -1) from dataset where resource_id = ?")
            .param(resource).query(Integer.class).single() >= version);
        return health.quality(resource);
    }

    private LoadView load(UUID resource, LoadMode mode, LoadPolicy policy, String[]... rows) {
        RowSource source = new ListSource(rows);
        return CurrentActor.runAs(CurrentActor.system(), () -> loads.run(new LoadRequest(resource, LoadChannel.PULL,
            mode, policy, null, "quality test", null, () -> source, CurrentActor.system(), null)));
    }

    private UUID published(String steward) {
        String body = """
            {"classificationCode":"303001","name":"质量测试资源%s","summary":"数据质量测试","format":"DATABASE",
             "shareType":"UNCONDITIONAL","openType":"NOT_OPEN","updateCycle":"MONTHLY","dataItems":[%s]}
            """.formatted(N.incrementAndGet(), ITEMS);
        Response created = HttpApi.as(port, steward).post("/api/v1/catalog/resources", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(HttpApi.as(port, steward).post("/api/v1/catalog/resources/" + id + "/submission", null).status())
            .isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.text("status")).as(approved.body()).isEqualTo("PUBLISHED");
        return UUID.fromString(id);
    }

    private static final class ListSource implements RowSource {
        private final List<String[]> rows;
        private int i;

        ListSource(String[][] rows) {
            this.rows = Arrays.asList(rows);
        }

        @Override
        public List<String> columns() {
            return List.of(HEADER);
        }

        @Override
        public String[] next() {
            return i < rows.size() ? rows.get(i++) : null;
        }

        @Override
        public long rowNumber() {
            return i + 1;
        }

        @Override
        public void close() {
        }
    }
}
