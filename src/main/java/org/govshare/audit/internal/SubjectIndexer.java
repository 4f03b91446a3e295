package org.govshare.audit.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the subject keys of new audit entries into audit_subject behind the writer (see
 * V15__audit_subject_index.sql): a batch of entries per statement, read in seq order and appended
 * with the progress moved in the same statement (unsorted: an export's entries carry 5,000 keys
 * each, and sorting a batch of them spilled to disk). Completed block ranges are summarized by autovacuum
 * (autosummarize): summarizing the range still being filled would make every later append to it
 * rewrite its bloom filter (measured: 5 MB of WAL per batch, enough to fill the WAL buffers that
 * the audit writer's commits need). One node indexes at a time (the progress row is locked;
 * another node finding it locked skips its turn). Searches stay exact while it lags: they scan
 * the entries after the progress directly.
 */
@Component
class SubjectIndexer {

    private static final Logger log = LoggerFactory.getLogger(SubjectIndexer.class);

    /**
     * The entries after the progress, up to {@code batch}, indexed and the progress moved: one atomic statement.
     * Only keys of 64 hex digits can be searched, so only they are indexed; the check is a length and
     * a negated class because PostgreSQL's regex engine spent 6 µs a key on {@code ^[0-9a-f]{64}$},
     * which with unnest as a lateral function scan made the indexer cost as much database time as
     * the lookups themselves (pg_stat_statements: 147 ms a run for 9,000 entries; 27 ms for 10,000 now).
     */
    private static final String INDEX_NEXT = """
        with progress as (
            select indexed_seq from audit_subject_progress where id = 1 for update skip locked),
        batch as (
            select e.seq, e.subject_keys from audit_entry e, progress p
            where e.seq > p.indexed_seq and e.seq <= p.indexed_seq + :batch),
        added as (
            insert into audit_subject (seq, subject_hash)
            select seq, audit_subject_hash(k) from (select seq, unnest(subject_keys) k from batch) u
            where length(k) = 64 and k !~ '[^0-9a-f]'
            returning 1),
        moved as (
            update audit_subject_progress set indexed_seq = (select max(seq) from batch)
            where id = 1 and exists (select 1 from batch)
            returning indexed_seq)
        select (select count(*) from batch), (select count(*) from added)""";

    private final JdbcClient jdbc;
    private final int batch;
    private final AtomicLong lag = new AtomicLong();

    SubjectIndexer(JdbcClient jdbc, @Value("${govshare.audit.subject-index-batch:20000}") int batch,
                   MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batch = Math.max(1, batch);
        Gauge.builder("govshare.audit.subject-index.lag", lag, AtomicLong::get)
            .description("Audit entries not yet in the subject index (searches scan them directly)").register(meters);
    }

    @Scheduled(initialDelayString = "${govshare.audit.subject-index-interval:1s}",
        fixedDelayString = "${govshare.audit.subject-index-interval:1s}")
    void indexNew() {
        try {
            catchUp(50);
        } catch (RuntimeException e) {
            log.warn("Indexing audit subject keys failed; searches scan the unindexed entries meanwhile", e);
        }
    }

    /** Indexes batches until none is left or {@code maxBatches} were done; the number of entries indexed. */
    long catchUp(int maxBatches) {
        long indexed = 0;
        for (int i = 0; i < maxBatches; i++) {
            long entries = jdbc.sql(INDEX_NEXT).param("batch", batch)
                .query((rs, n) -> rs.getLong(1)).single();
            indexed += entries;
            if (entries < batch) {
                break;
            }
        }
        lag.set(jdbc.sql("select coalesce((select last_seq from audit_chain_head where id = 1), 0) "
            + "- coalesce((select indexed_seq from audit_subject_progress where id = 1), 0)").query(Long.class).single());
        return indexed;
    }
}
