package org.govshare.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.govshare.IntegrationTest;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditQueries;
import org.govshare.audit.AuditRecord;
import org.govshare.audit.AuditSearch;
import org.govshare.audit.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An entry with a few subject keys (a lookup's, a query page's) is in the subject index as soon as
 * it is durable: the writer's statement indexes it. An entry with more than a hundred (an export's
 * chunk) is indexed behind the writer: a search by subject key finds the same entries before the
 * indexer ran (scanning the deferred entries after its progress), after it ran, and across the
 * boundary between the two.
 */
@IntegrationTest
class SubjectIndexTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditQueries queries;
    @Autowired
    SubjectIndexer indexer;
    @Autowired
    JdbcClient jdbc;

    /** An entry with the subject and {@code others} more subjects. */
    private long append(String subject, int others) {
        AuditRecord.Builder b = AuditRecord.builder("test.subject-index")
            .actor(UUID.randomUUID(), "subject-index-tester", UUID.randomUUID())
            .subjectId(subject);
        for (int i = 0; i < others; i++) {
            b.subjectId("other-" + UUID.randomUUID());
        }
        return auditLog.append(b.build()).join().seq();
    }

    private long append(String subject) {
        return append(subject, 1);
    }

    private long appendExportChunk(String subject) {
        return append(subject, 150);
    }

    private List<Long> found(String key) {
        return TestActors.as(TestActors.platformAdmin(), () -> queries.search(
            new AuditSearch(null, null, null, null, null, null, key), 0, 50)).items().stream()
            .map(AuditEntry::seq).toList();
    }

    private long indexedSeq() {
        return jdbc.sql("select indexed_seq from audit_subject_progress where id = 1").query(Long.class).single();
    }

    private long inIndex(String key, long seq) {
        return jdbc.sql("select count(*) from audit_subject where subject_hash = audit_subject_hash(?) and seq = ?")
            .param(key).param(seq).query(Long.class).single();
    }

    /** Indexes until the progress passes {@code seq}: the scheduled run may hold the progress row a moment. */
    private void indexUpTo(long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        indexer.catchUp(1_000);
        while (indexedSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(20);
            indexer.catchUp(1_000);
        }
        assertThat(indexedSeq()).isGreaterThanOrEqualTo(seq);
    }

    @Test
    void anEntryWithFewSubjectsIsIndexedByTheStatementThatWritesIt() {
        String subject = "subject-" + UUID.randomUUID();
        String key = auditLog.subjectKey(subject);
        long seq = append(subject, 99); // a hundred keys: the most the writer indexes itself
        assertThat(inIndex(key, seq)).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from audit_subject where seq = ?").param(seq).query(Long.class).single())
            .isEqualTo(100L);
        assertThat(found(key)).containsExactly(seq);
    }

    @Test
    void searchesAreExactBeforeAfterAndAcrossIndexingAnExportsChunk() throws InterruptedException {
        String subject = "subject-" + UUID.randomUUID();
        String key = auditLog.subjectKey(subject);
        long first = appendExportChunk(subject);
        indexUpTo(first);
        assertThat(inIndex(key, first)).isEqualTo(1L);

        long second = appendExportChunk(subject); // after the progress, unless the scheduled run was quicker: found either way
        long third = append(subject);
        assertThat(found(key)).containsExactly(third, second, first);
        assertThat(found(key.toUpperCase(Locale.ROOT))).containsExactly(third, second, first);

        indexUpTo(second);
        assertThat(found(key)).containsExactly(third, second, first);
        assertThat(jdbc.sql("select count(*) from audit_subject where subject_hash = audit_subject_hash(?)")
            .param(key).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void anEntryWhoseHashCollidesButWhoseKeyDiffersIsNotFound() {
        String subject = "subject-" + UUID.randomUUID();
        String key = auditLog.subjectKey(subject);
        long own = append(subject);
        long stranger = append("subject-" + UUID.randomUUID());
        // as if another subject's key shared the first 64 bits with this one
        jdbc.sql("insert into audit_subject (seq, subject_hash) values (?, audit_subject_hash(?))")
            .param(stranger).param(key).update();
        try {
            assertThat(found(key)).containsExactly(own);
        } finally { // derived data, shared with the other tests: put it back as the writer made it
            jdbc.sql("delete from audit_subject where seq = ? and subject_hash = audit_subject_hash(?)")
                .param(stranger).param(key).update();
        }
    }

    @Test
    void aValueThatIsNoSubjectKeyFindsNothingRatherThanFailing() {
        append("subject-" + UUID.randomUUID());
        assertThat(found("not-hex'; drop table audit_subject; --")).isEmpty();
        assertThat(found("zz" + "0".repeat(62))).isEmpty();
    }

    @Test
    void theIndexMatchesTheLogAfterCatchingUp() throws InterruptedException {
        long last = 0;
        for (int i = 0; i < 6; i++) {
            last = i % 2 == 0 ? append("subject-" + UUID.randomUUID()) : appendExportChunk("subject-" + UUID.randomUUID());
        }
        indexUpTo(last);
        long upTo = indexedSeq();
        long inLog = jdbc.sql("select count(*) from audit_entry e, unnest(e.subject_keys) k where e.seq <= ?")
            .param(upTo).query(Long.class).single();
        long inIndex = jdbc.sql("select count(*) from audit_subject where seq <= ?").param(upTo)
            .query(Long.class).single();
        assertThat(inIndex).isEqualTo(inLog);
    }
}
