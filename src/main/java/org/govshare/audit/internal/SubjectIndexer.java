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
 * Indexes the subject keys of the entries the writer leaves behind: those with more than a hundred
 * keys (an export's chunk carries 5,000), which would hold up every call batched with them (see
 * V16__audit_subject_inline.sql). A few such entries per statement, found through their partial
 * index, appended with the progress moved in the same statement (unsorted: sorting a batch of them
 * spilled to disk); when none is left, the progress moves up to the chain head, every entry up to
 * it being indexed then. Completed block ranges are summarized by autovacuum (autosummarize):
 * summarizing the range still being filled would make every later append to it rewrite its bloom
 * filter (measured: 5 MB of WAL per batch, enough to fill the WAL buffers that the audit writer's
 * commits need). One node indexes at a time (the progress row is locked; another node finding it
 * locked skips its turn). Searches stay exact while it lags: they scan the deferred entries after
 * the progress directly.
 */
@Component
class SubjectIndexer {

    private static final Logger log = LoggerFactory.getLogger(SubjectIndexer.class);

    /**
     * The deferred entries after the progress, up to {@code batch}, indexed and the progress moved
     * (to the last of them if there may be more, else to the head as this statement saw it, which
     * has every entry up to it in view): one atomic statement.
     */
    private static final String INDEX_NEXT = """
        with progress as (
            select indexed_seq from audit_subject_progress where id = 1 for update skip locked),
        head as (
            select last_seq from audit_chain_head where id = 1),
        batch as (
            select e.seq, e.subject_keys from audit_entry e, progress p
            where audit_subject_deferred(e.subject_keys) and e.seq > p.indexed_seq
            order by e.seq limit :batch),
        added as (
            insert into audit_subject (seq, subject_hash)
            select seq, audit_subject_hash(k) from (select seq, unnest(subject_keys) k from batch) u
            where audit_subject_indexable(k)
            returning 1),
        moved as (
            update audit_subject_progress set indexed_seq = case
                when (select count(*) from batch) >= :batch then (select max(seq) from batch)
                else greatest(indexed_seq, coalesce((select last_seq from head), 0)) end
            where id = 1 and exists (select 1 from progress)
              and (exists (select 1 from batch) or coalesce((select last_seq from head), 0) > indexed_seq)
            returning indexed_seq)
        select (select count(*) from batch), (select count(*) from added)""";

    private final JdbcClient jdbc;
    private final int batch;
    private final AtomicLong lag = new AtomicLong();

    SubjectIndexer(JdbcClient jdbc, @Value("${govshare.audit.subject-index-batch:20}") int batch,
                   MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batch = Math.max(1, batch);
        Gauge.builder("govshare.audit.subject-index.lag", lag, AtomicLong::get)
            .description("Audit entries after the subject index's progress (searches scan the deferred ones among them directly)").register(meters);
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
