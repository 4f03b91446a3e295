package org.govshare.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.govshare.IntegrationTest;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditLogUnavailableException;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditReceipt;
import org.govshare.audit.AuditRecord;
import org.govshare.audit.AuditVerification;
import org.govshare.audit.VerificationReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on the real database, shared with every other integration test: tampering tests
 * repair what they broke (with the maintenance setting the append-only trigger allows) and
 * prove the whole chain verifies again, so the shared log stays intact for everyone.
 */
@IntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    SubjectKeys subjectKeys;
    @Autowired
    PlatformTransactionManager transactions;

    private static AuditRecord record(String action) {
        return AuditRecord.builder(action)
            .actor(UUID.randomUUID(), "chain-tester", UUID.randomUUID())
            .target("resource", UUID.randomUUID().toString(), UUID.randomUUID())
            .purpose("test")
            .requestId("req-" + UUID.randomUUID())
            .detail("tab\there, newline\nthere, back\\slash, 中文")
            .build();
    }

    private AuditReceipt append(String action) {
        return auditLog.append(record(action)).join();
    }

    @Test
    void appendedEntriesAreNumberedInOrderAndVerify() {
        List<AuditReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            receipts.add(append("test.chain.sequential"));
        }
        for (int i = 1; i < receipts.size(); i++) {
            assertThat(receipts.get(i).seq()).isGreaterThan(receipts.get(i - 1).seq());
        }
        long first = receipts.get(0).seq();
        long last = receipts.get(9).seq();
        VerificationReport range = verification.verify(first, last);
        assertThat(range.ok()).as("%s", range).isTrue();
        assertThat(range.entriesChecked()).isEqualTo(last - first + 1);

        VerificationReport all = verification.verify();
        assertThat(all.ok()).as("%s", all).isTrue();
        assertThat(all.entriesChecked()).isGreaterThanOrEqualTo(last);
        assertThat(jdbc.sql("select action, detail, outcome from audit_entry where seq = ?").param(last)
            .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single())
            .isEqualTo("test.chain.sequential|tab\there, newline\nthere, back\\slash, 中文|SUCCESS");
    }

    @Test
    void theFirstEntryLinksToZeros() {
        append("test.chain.genesis");
        byte[] prev = jdbc.sql("select prev_hash from audit_entry where seq = 1").query(byte[].class).single();
        assertThat(prev).isEqualTo(new byte[32]);
    }

    @Test
    void concurrentCallersGetUniqueGaplessPlaces() throws Exception {
        int threads = 32;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(auditLog.append(record("test.chain.concurrent")).get(60, TimeUnit.SECONDS).seq());
                    }
                    return seqs;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(all).hasSize(threads * perThread);
            long min = all.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = all.stream().mapToLong(Long::longValue).max().orElseThrow();
            VerificationReport report = verification.verify(min, max);
            assertThat(report.ok()).as("%s", report).isTrue();
            // gapless: every number in between is an entry (ours, or another test's)
            assertThat(report.entriesChecked()).isEqualTo(max - min + 1);
            assertThat(jdbc.sql("select count(*) from audit_entry where seq between ? and ?").params(min, max)
                .query(Long.class).single()).isEqualTo(max - min + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void subjectIdentifiersAreStoredOnlyAsKeyedHashes() {
        String residentId = "11010519491231002X";
        AuditReceipt r = auditLog.append(AuditRecord.builder("test.chain.subject")
            .actor(UUID.randomUUID(), "subject-tester", UUID.randomUUID())
            .subjectId(residentId)
            .subjectId("91510112MA61234567")
            .build()).join();
        String key = auditLog.subjectKey("11010519491231002x");
        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(subjectKeys.keyOf(residentId));
        List<String> stored = jdbc.sql("select unnest(subject_keys) from audit_entry where seq = ?").param(r.seq())
            .query(String.class).list();
        assertThat(stored).hasSize(2).contains(key);
        String wholeRow = jdbc.sql("select a::text from audit_entry a where seq = ?").param(r.seq())
            .query(String.class).single();
        assertThat(wholeRow).doesNotContain("11010519491231002").doesNotContain("MA61234567");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_keys @> array[?]::text[]").param(key)
            .query(Long.class).single()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void theTableRefusesUpdatesAndDeletesWithoutTheMaintenanceSetting() {
        long seq = append("test.chain.append-only").seq();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set action = 'x' where seq = ?").param(seq).update())
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anAlteredRowIsReportedAsHashMismatchAtItsSeq() {
        long seq = append("test.chain.tamper-update").seq();
        append("test.chain.after-tamper-update");
        maintenance("update audit_entry set action = 'test.chain.forged' where seq = ?", seq);
        try {
            VerificationReport report = verification.verify();
            assertThat(report.firstBroken()).isEqualTo(new VerificationReport.Broken(seq, VerificationReport.HASH_MISMATCH));
            assertThat(verification.verify(seq - 1, seq + 1).firstBroken())
                .isEqualTo(new VerificationReport.Broken(seq, VerificationReport.HASH_MISMATCH));
        } finally {
            maintenance("update audit_entry set action = 'test.chain.tamper-update' where seq = ?", seq);
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aReplacedPrevHashIsReportedAsLinkMismatch() {
        long seq = append("test.chain.tamper-link").seq();
        byte[] original = jdbc.sql("select prev_hash from audit_entry where seq = ?").param(seq).query(byte[].class).single();
        maintenance("update audit_entry set prev_hash = decode(repeat('ab', 32), 'hex') where seq = ?", seq);
        try {
            assertThat(verification.verify(seq - 2, seq).firstBroken())
                .isEqualTo(new VerificationReport.Broken(seq, VerificationReport.LINK_MISMATCH));
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("set local govshare.audit_maintenance = 'on'").update();
                jdbc.sql("update audit_entry set prev_hash = ? where seq = ?").params(original, seq).update();
            });
        }
        assertThat(verification.verify(seq - 2, seq).ok()).isTrue();
    }

    @Test
    void aDeletedMiddleRowIsReportedAsGapAtItsSeq() {
        long seq = append("test.chain.tamper-delete").seq();
        append("test.chain.after-tamper-delete");
        String backup = "audit_tamper_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create table " + backup + " as select * from audit_entry where seq = " + seq).update();
        maintenance("delete from audit_entry where seq = ?", seq);
        try {
            assertThat(verification.verify().firstBroken())
                .isEqualTo(new VerificationReport.Broken(seq, VerificationReport.GAP));
        } finally {
            jdbc.sql("insert into audit_entry select * from " + backup).update();
            jdbc.sql("drop table " + backup).update();
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aDeletedLastRowIsReportedAsHeadMismatch() throws Exception {
        append("test.chain.tamper-tail");
        String backup = "audit_tamper_" + UUID.randomUUID().toString().replace("-", "");
        // hold the head so no writer appends while the last row is missing
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            long last;
            try (var st = holder.createStatement();
                 var rs = st.executeQuery("select last_seq from audit_chain_head where id = 1 for update")) {
                rs.next();
                last = rs.getLong(1);
            }
            jdbc.sql("create table " + backup + " as select * from audit_entry where seq = " + last).update();
            maintenance("delete from audit_entry where seq = ?", last);
            try {
                assertThat(verification.verify().firstBroken())
                    .isEqualTo(new VerificationReport.Broken(last, VerificationReport.HEAD_MISMATCH));
            } finally {
                jdbc.sql("insert into audit_entry select * from " + backup).update();
                jdbc.sql("drop table " + backup).update();
                holder.rollback();
            }
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aSecondWriterOnTheSameChainChainsAfterTheFirstAndMayUseSm3() throws Exception {
        AuditProperties sm3 = new AuditProperties("SM3", null, 10_000, 500, Duration.ofSeconds(2), 10_000, 2, Duration.ZERO);
        AuditWriter other = new AuditWriter(dataSource, subjectKeys, sm3, new SimpleMeterRegistry(), "audit-writer-test-sm3");
        other.start();
        try {
            List<CompletableFuture<AuditReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add((i % 2 == 0 ? other : auditLog).append(record("test.chain.two-writers")));
            }
            Set<Long> seqs = new HashSet<>();
            for (CompletableFuture<AuditReceipt> f : futures) {
                seqs.add(f.get(60, TimeUnit.SECONDS).seq());
            }
            assertThat(seqs).hasSize(400);
            long min = seqs.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = seqs.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(verification.verify(min, max).ok()).isTrue();
            assertThat(jdbc.sql("select count(*) from audit_entry where hash_alg = 'SM3' and seq between ? and ?")
                .params(min, max).query(Long.class).single()).isEqualTo(200L);
        } finally {
            other.stop();
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aFailedBatchFailsItsCallersAndTheWriterCarriesOn() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        DataSource flaky = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection real = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(method, real, args);
                        if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).contains("insert into audit_entry")) {
                            // the batch statement fails while broken: the database refused or the link dropped mid-write
                            Object statement = result;
                            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {java.sql.PreparedStatement.class},
                                (p2, m2, a2) -> {
                                    if (broken.get() && m2.getName().startsWith("execute")) {
                                        throw new java.sql.SQLException("simulated failure while writing the batch");
                                    }
                                    return invoke(m2, statement, a2);
                                });
                        }
                        return result;
                    });
            }
        };
        AuditProperties props = new AuditProperties("SHA-256", null, 100, 50, Duration.ofMillis(50), 10_000, 2, Duration.ZERO);
        AuditWriter writer = new AuditWriter(flaky, subjectKeys, props, new SimpleMeterRegistry(), "audit-writer-test-flaky");
        writer.start();
        try {
            CompletableFuture<AuditReceipt> lost = writer.append(record("test.chain.failed-batch"));
            assertThatThrownBy(() -> lost.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AuditLogUnavailableException.class);
            broken.set(false);
            AuditReceipt ok = writer.append(record("test.chain.after-failed-batch")).get(30, TimeUnit.SECONDS);
            assertThat(ok.seq()).isPositive();
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'test.chain.failed-batch'")
                .query(Long.class).single()).isZero();
        } finally {
            writer.stop();
        }
        assertThat(writer.append(record("test.chain.after-stop")))
            .failsWithin(Duration.ofSeconds(1))
            .withThrowableThat().withCauseInstanceOf(AuditLogUnavailableException.class);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void outcomesAreStored() {
        long seq = auditLog.append(AuditRecord.builder("test.chain.outcome").outcome(AuditOutcome.DENIED).build())
            .join().seq();
        assertThat(jdbc.sql("select outcome from audit_entry where seq = ?").param(seq).query(String.class).single())
            .isEqualTo("DENIED");
    }

    private void maintenance(String sql, long seq) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("set local govshare.audit_maintenance = 'on'").update();
            assertThat(jdbc.sql(sql).param(seq).update()).isEqualTo(1);
        });
    }
}
