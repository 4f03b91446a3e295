package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.platform.CurrentActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pipeline through {@link Loads}, as the pull channel uses it: versions, change rows, policies. */
@IntegrationTest
class LoadPipelineTest {

    private static final String[] HEADER = {"idno", "xm", "csrq", "rs"};

    @LocalServerPort
    int port;

    @Autowired
    Loads loads;

    @Autowired
    JdbcClient jdbc;

    private LoadView load(UUID resource, LoadMode mode, LoadPolicy policy, ColumnMapping mapping, RowSource source) {
        return CurrentActor.runAs(CurrentActor.system(), () -> loads.run(new LoadRequest(resource, LoadChannel.PULL, mode,
            policy, mapping, "test", null, () -> source, CurrentActor.system(), null)));
    }

    @Test
    void aFullLoadThenAFullReplaceWritesChangesWithBeforeAndContiguousSeqs() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        LoadView first = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(HEADER,
            new String[] {"A1", "张三", "1990-01-02", "1"},
            new String[] {"A2", "李四", "1991-03-04", "2"},
            new String[] {"A3", "王五", null, "3"}));
        assertThat(first.state()).as(first.toString()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.inserted()).isEqualTo(3);
        assertThat(first.firstSeq()).isEqualTo(1);
        assertThat(first.lastSeq()).isEqualTo(3);
        assertThat(DatasetFixtures.records(jdbc, r)).containsEntry("A3", "{\"rs\": 3, \"xm\": \"王五\", \"idno\": \"A3\"}");

        LoadView second = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(HEADER,
            new String[] {"A1", "张三", "1990-01-02", "1"},
            new String[] {"A2", "李四", "1991-03-04", "5"},
            new String[] {"A4", "赵六", "1992-05-06", "4"}));
        assertThat(second.state()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(List.of(second.inserted(), second.updated(), second.deleted())).containsExactly(1L, 1L, 1L);
        assertThat(second.firstSeq()).isEqualTo(4);
        assertThat(second.lastSeq()).isEqualTo(6);
        List<String> changes = DatasetFixtures.changes(jdbc, r);
        assertThat(changes).hasSize(6);
        assertThat(changes.subList(0, 3)).containsExactly("1 I A1 null", "2 I A2 null", "3 I A3 null");
        assertThat(changes.subList(3, 6)).containsExactly(
            "4 U A2 {\"rs\": 2, \"xm\": \"李四\", \"csrq\": \"1991-03-04\", \"idno\": \"A2\"}",
            "5 I A4 null",
            "6 D A3 {\"rs\": 3, \"xm\": \"王五\", \"idno\": \"A3\"}");
        assertThat(DatasetFixtures.records(jdbc, r).keySet()).containsExactly("A1", "A2", "A4");
        assertThat(jdbc.sql("select version || ' ' || record_count || ' ' || last_seq from dataset where resource_id = ?")
            .param(r).query(String.class).single()).isEqualTo("2 3 6");
    }

    @Test
    void aBigInitialLoadLogsOneInsertPerRecordWithTheRecordsSeqKeyAndLoad() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        int n = 30_000;
        String[][] rows = new String[n + 1][];
        rows[0] = HEADER;
        for (int i = 1; i <= n; i++) {
            // keys out of order and non-ASCII, values spanning many COPY chunks
            rows[i] = new String[] {"甲" + ((i * 7919L) % 1_000_003), "姓名" + i, null, Integer.toString(i)};
        }
        LoadView load = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(rows));
        assertThat(load.state()).as(load.toString()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(List.of(load.inserted(), load.firstSeq(), load.lastSeq())).containsExactly((long) n, 1L, (long) n);
        assertThat(jdbc.sql("""
                select count(*) from dataset_change c
                join dataset_record r on r.resource_id = c.resource_id and r.record_key = c.record_key and r.seq = c.seq
                where c.resource_id = ? and c.op = 'I' and c.before is null and c.load_id = ? and r.load_id = ?
                """).params(r, load.id(), load.id()).query(Long.class).single()).isEqualTo(n);
        assertThat(jdbc.sql("select count(*) || ' ' || min(seq) || ' ' || max(seq) from dataset_change where resource_id = ?")
            .param(r).query(String.class).single()).isEqualTo(n + " 1 " + n);
    }

    @Test
    void theFirstLoadCreatesTheDatasetsOwnKeyedPartitionsAndARefusedFirstLoadLeavesNone() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        String suffix = r.toString().replace("-", "");
        LoadView refused = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(HEADER,
            new String[] {"P1", "甲", null, "1"}, new String[] {"P2", "乙", "1990-13-01", "2"}));
        assertThat(refused.state()).isEqualTo(LoadState.FAILED);
        assertThat(jdbc.sql("select count(*) from pg_class where relname like ?").param("dataset\\_%" + suffix)
            .query(Long.class).single()).isZero();

        LoadView first = load(r, LoadMode.FULL, LoadPolicy.KEEP_VALID, null, DatasetFixtures.rows(HEADER,
            new String[] {"P1", "甲", null, "1"}, new String[] {"P2", "乙", null, "2"}, new String[] {"P1", "丙", null, "3"},
            new String[] {"P3", "丁", null, "4"}));
        assertThat(first.state()).as(first.toString()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(partitionKeys(suffix)).containsExactlyInAnyOrder(
            "dataset_record_" + suffix + " dataset_record PRIMARY KEY (record_key)",
            "dataset_change_" + suffix + " dataset_change PRIMARY KEY (seq)");
        // the duplicated key dropped, the sequence closed up
        assertThat(DatasetFixtures.records(jdbc, r).keySet()).containsExactlyInAnyOrder("P2", "P3");
        assertThat(DatasetFixtures.changes(jdbc, r)).containsExactly("1 I P2 null", "2 I P3 null");
        // the partition takes only its own resource's rows and keeps keys unique
        UUID other = UUID.randomUUID();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("insert into dataset_record_" + suffix
            + " (resource_id, record_key, data, seq, load_id) values (?, 'X', '{}', 9, ?)").params(other, other).update()))
            .hasMessageContaining("violates");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("insert into dataset_record"
            + " (resource_id, record_key, data, seq, load_id) values (?, 'P2', '{}', 9, ?)").params(r, other).update()))
            .hasMessageContaining("duplicate key");
    }

    private List<String> partitionKeys(String suffix) {
        return jdbc.sql("""
                select c.relname || ' ' || p.relname || ' ' || pg_get_constraintdef(k.oid)
                from pg_class c
                join pg_inherits i on i.inhrelid = c.oid
                join pg_class p on p.oid = i.inhparent
                join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
                where c.relname in (?, ?)
                """).params("dataset_record_" + suffix, "dataset_change_" + suffix).query(String.class).list();
    }

    @Test
    void incrementalUpsertsAndDeleteMarkersByMapping() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(HEADER,
            new String[] {"B1", "甲", null, "1"}, new String[] {"B2", "乙", null, "2"}));
        ColumnMapping mapping = new ColumnMapping(Map.of("证件", "idno", "名字", "xm"), "删除");
        LoadView inc = load(r, LoadMode.INCREMENTAL, LoadPolicy.ALL_OR_NOTHING, mapping, DatasetFixtures.rows(
            new String[] {"证件", "名字", "删除"},
            new String[] {"B3", "丙", ""},
            new String[] {"B1", "甲改", null},
            new String[] {"B2", null, "是"},
            new String[] {"B9", null, "Y"}));
        assertThat(inc.state()).as(inc.toString()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(List.of(inc.inserted(), inc.updated(), inc.deleted())).containsExactly(1L, 1L, 1L);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("B1", "B3")
            .containsEntry("B1", "{\"xm\": \"甲改\", \"idno\": \"B1\"}");
    }

    @Test
    void allOrNothingAppliesNothingWhileKeepValidAppliesTheValidRowsAndReportsTheRest() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        String[][] rows = {HEADER,
            new String[] {"C1", "甲", "1990-01-01", "1"},
            new String[] {"C2", "乙", "1990-13-01", "2"},
            new String[] {null, "丙", null, "x"},
            new String[] {"C4", "丁", null, null}};
        LoadView strict = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(rows));
        assertThat(strict.state()).isEqualTo(LoadState.FAILED);
        assertThat(strict.errorCode()).isEqualTo("rows-rejected");
        assertThat(strict.rowsRejected()).isEqualTo(2);
        assertThat(DatasetFixtures.records(jdbc, r)).isEmpty();
        assertThat(rejections(strict.id())).containsExactly("3 csrq 1990-13-01 type-date", "4 idno null required",
            "4 rs x type-integer");

        LoadView lenient = load(r, LoadMode.FULL, LoadPolicy.KEEP_VALID, null, DatasetFixtures.rows(rows));
        assertThat(lenient.state()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(lenient.rowsAccepted()).isEqualTo(2);
        assertThat(lenient.rowsRejected()).isEqualTo(2);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("C1", "C4");
        assertThat(rejections(lenient.id())).hasSize(3);
    }

    @Test
    void duplicateKeysInOneLoadNameBothRows() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        String[][] rows = {HEADER,
            new String[] {"D1", "甲", null, null},
            new String[] {"D2", "乙", null, null},
            new String[] {"D1", "丙", null, null}};
        LoadView strict = load(r, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, DatasetFixtures.rows(rows));
        assertThat(strict.state()).isEqualTo(LoadState.FAILED);
        assertThat(rejections(strict.id())).containsExactly("2 idno D1 duplicate-key", "4 idno D1 duplicate-key");

        LoadView lenient = load(r, LoadMode.FULL, LoadPolicy.KEEP_VALID, null, DatasetFixtures.rows(rows));
        assertThat(lenient.state()).isEqualTo(LoadState.SUCCEEDED);
        assertThat(lenient.rowsRejected()).isEqualTo(2);
        assertThat(lenient.inserted()).isEqualTo(1);
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("D2");
        assertThat(DatasetFixtures.changes(jdbc, r)).containsExactly("1 I D2 null");

        // the same through the staging path of a non-empty dataset
        LoadView again = load(r, LoadMode.INCREMENTAL, LoadPolicy.KEEP_VALID, null, DatasetFixtures.rows(HEADER,
            new String[] {"D5", "甲", null, null}, new String[] {"D6", null, null, null}, new String[] {"D5", "乙", null, null}));
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(rejections(again.id())).containsExactly("2 idno D5 duplicate-key", "4 idno D5 duplicate-key");
        assertThat(DatasetFixtures.records(jdbc, r)).containsOnlyKeys("D2", "D6");
    }

    private List<String> rejections(UUID load) {
        return jdbc.sql("select row_no || ' ' || item || ' ' || coalesce(value, 'null') || ' ' || code "
                + "from dataset_rejection where load_id = ? order by row_no nulls first, n")
            .param(load).query(String.class).list();
    }
}
