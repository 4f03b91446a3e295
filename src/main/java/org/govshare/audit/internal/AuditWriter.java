package org.govshare.audit.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditLogUnavailableException;
import org.govshare.audit.AuditReceipt;
import org.govshare.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The group-commit writer behind {@link AuditLog}: callers put entries on a bounded queue; one
 * thread takes whatever is queued (up to {@code maxBatch}), numbers and chains it after the head it
 * knows, and writes rows and new head in one atomic statement that succeeds only if the head has
 * not moved. One round trip and one fsync per batch instead of per entry is what makes a durable,
 * strictly ordered log fast; the conditional move of the head is what lets several application
 * nodes share one chain (a node that finds the head moved on re-chains after it).
 */
@Component
class AuditWriter implements AuditLog, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    static final String COLUMNS = "seq, occurred_at, actor_user_id, actor_name, organization_id, client_application_id, "
        + "action, target_type, target_id, target_organization_id, purpose, outcome, request_id, detail, "
        + "subject_keys, hash_alg, prev_hash, hash";
    /**
     * The batch as one array per column, unnested into rows, inserted only if the head is still
     * where this writer last saw it, the head moved, and the subject keys of the entries that have
     * at most a hundred of them added to the subject index (the others are indexed behind the
     * writer: see V16__audit_subject_inline.sql), all in one statement run in autocommit: one
     * round trip (and one fsync) per batch, atomic whatever the batch size. When another node
     * moved the head first, nothing is written and the writer re-chains after the new head.
     * Hashes travel as hex, times as ISO-8601, so every array is a plain text[].
     */
    private static final String INSERT_AND_MOVE_HEAD = "with head as (update audit_chain_head set last_seq = ?, last_hash = ? "
        + "where id = 1 and last_seq = ? and last_hash = ? returning 1), "
        + "rows as (insert into audit_entry (" + COLUMNS + ") "
        + "select s, t, au, an, o, ca, a, tt, ti, tor, pu, oc, r, d, sk::text[], alg, decode(ph, 'hex'), decode(h, 'hex') "
        + "from unnest(?::bigint[], ?::timestamptz[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], "
        + "?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
        + "as b(s, t, au, an, o, ca, a, tt, ti, tor, pu, oc, r, d, sk, alg, ph, h) where exists (select 1 from head) "
        + "returning seq, subject_keys), "
        + "subjects as (insert into audit_subject (seq, subject_hash) select r.seq, audit_subject_hash(k) "
        + "from rows r, unnest(r.subject_keys) k where not audit_subject_deferred(r.subject_keys) "
        + "and audit_subject_indexable(k)) "
        + "select (select count(*) from head), (select count(*) from rows)";
    private static final String READ_HEAD = "select last_seq, last_hash from audit_chain_head where id = 1";
    private static final int HEAD_PARAMS = 4;
    private static final int MAX_ATTEMPTS = 5;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final SubjectKeys subjectKeys;
    private final HashAlgorithm algorithm;
    private final int maxBatch;
    private final long offerTimeoutNanos;
    private final long lingerNanos;
    private final BlockingQueue<Pending> queue;
    private final String name;

    private final Counter appended;
    private final Counter failed;
    private final DistributionSummary batchSizes;
    private final Timer batchTimer;

    private volatile boolean accepting = true;
    private volatile boolean running;
    private Thread thread;

    // touched by the writer thread only
    private final ChainHasher hasher = new ChainHasher();
    private Connection connection;
    private PreparedStatement readHead;
    private PreparedStatement insertAndMoveHead;
    private long knownSeq = -1;
    private byte[] knownHash;

    @Autowired
    AuditWriter(DataSource dataSource, SubjectKeys subjectKeys, AuditProperties properties, MeterRegistry meters) {
        this(dataSource, subjectKeys, properties, meters, "audit-writer");
    }

    AuditWriter(DataSource dataSource, SubjectKeys subjectKeys, AuditProperties properties, MeterRegistry meters,
                String name) {
        this.dataSource = dataSource;
        this.subjectKeys = subjectKeys;
        this.algorithm = HashAlgorithm.of(properties.algorithm());
        this.maxBatch = Math.max(1, properties.maxBatch());
        this.offerTimeoutNanos = properties.offerTimeout().toNanos();
        this.lingerNanos = properties.batchLinger() == null ? 0 : properties.batchLinger().toNanos();
        this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity()));
        this.name = name;
        this.appended = Counter.builder("govshare.audit.entries.appended").tag("writer", name)
            .description("Audit entries committed to the chain").register(meters);
        this.failed = Counter.builder("govshare.audit.entries.failed").tag("writer", name)
            .description("Audit entries whose batch could not be written (their callers were told)").register(meters);
        this.batchSizes = DistributionSummary.builder("govshare.audit.batch.size").tag("writer", name)
            .description("Entries per committed batch").publishPercentileHistogram().register(meters);
        this.batchTimer = Timer.builder("govshare.audit.batch.duration").tag("writer", name)
            .description("Time to chain and durably write one batch").register(meters);
        Gauge.builder("govshare.audit.queue.depth", queue, BlockingQueue::size).tag("writer", name)
            .description("Audit entries waiting for the writer").register(meters);
    }

    @Override
    public CompletableFuture<AuditReceipt> append(AuditRecord record) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new AuditLogUnavailableException("audit log is shutting down"));
        }
        List<String> keys = null;
        if (!record.subjectIds().isEmpty()) {
            keys = record.subjectIds().stream().map(subjectKeys::keyOf).distinct().toList();
        }
        Pending pending = new Pending(record, keys, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, offerTimeoutNanos, TimeUnit.NANOSECONDS)) {
                return CompletableFuture.failedFuture(new AuditLogUnavailableException(
                    "audit log overloaded: " + queue.size() + " entries waiting for more than "
                        + Duration.ofNanos(offerTimeoutNanos)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new AuditLogUnavailableException("interrupted while queueing", e));
        }
        if (!accepting && queue.remove(pending)) {
            // queued after the writer's last drain: nobody else will ever see it
            pending.future.completeExceptionally(new AuditLogUnavailableException("audit log is shutting down"));
        }
        return pending.future;
    }

    @Override
    public String subjectKey(String rawIdentifier) {
        return subjectKeys.keyOf(rawIdentifier);
    }

    int queueDepth() {
        return queue.size();
    }

    // ---- the writer thread

    private void run() {
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 8192));
        int lastBatch = 0;
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // stop() never interrupts; keep draining
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            if (lingerNanos > 0 && lastBatch > 1 && queue.size() < maxBatch - 1) {
                // entries arrive concurrently: a moment's wait lets one commit serve many more of them
                LockSupport.parkNanos(lingerNanos);
            }
            queue.drainTo(batch, maxBatch - 1);
            lastBatch = batch.size();
            write(batch);
            batch.clear();
        }
        closeConnection();
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        AuditReceipt[] receipts = new AuditReceipt[batch.size()];
        try {
            Connection c = connection();
            boolean written = false;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && !written; attempt++) {
                if (knownSeq < 0) {
                    readHead();
                }
                written = tryWrite(c, batch, receipts);
                if (!written) {
                    log.debug("Audit chain advanced elsewhere after {}; chaining after it", knownSeq);
                    knownSeq = -1;
                }
            }
            if (!written) {
                throw new SQLException("the chain head kept moving under " + MAX_ATTEMPTS + " attempts");
            }
        } catch (Exception e) {
            knownSeq = -1;
            knownHash = null;
            closeConnection();
            failed.increment(batch.size());
            log.error("Audit batch of {} entries could not be written; failing their futures", batch.size(), e);
            AuditLogUnavailableException failure = new AuditLogUnavailableException(
                "audit entry not written: " + e.getMessage(), e);
            for (Pending p : batch) {
                p.future.completeExceptionally(failure);
            }
            return;
        }
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        appended.increment(batch.size());
        for (int i = 0; i < receipts.length; i++) {
            batch.get(i).future.complete(receipts[i]);
        }
    }

    /** Chains the batch after the known head and writes it if the head has not moved; true if written. */
    private boolean tryWrite(Connection c, List<Pending> batch, AuditReceipt[] receipts) throws SQLException {
        long seq = knownSeq;
        byte[] prev = knownHash;
        Columns columns = new Columns(receipts.length);
        for (int i = 0; i < receipts.length; i++) {
            Pending p = batch.get(i);
            seq++;
            ChainRow row = p.row(seq, algorithm.label());
            byte[] hash = hasher.hash(prev, row);
            columns.add(i, p.record, row, prev, hash);
            receipts[i] = new AuditReceipt(seq, p.record.occurredAt());
            prev = hash;
        }
        insertAndMoveHead.setLong(1, seq);
        insertAndMoveHead.setBytes(2, prev);
        insertAndMoveHead.setLong(3, knownSeq);
        insertAndMoveHead.setBytes(4, knownHash);
        columns.bind(c, insertAndMoveHead, HEAD_PARAMS);
        try (ResultSet rs = insertAndMoveHead.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != 1) {
                return false;
            }
            if (rs.getLong(2) != receipts.length) {
                throw new SQLException("audit batch wrote " + rs.getLong(2) + " of " + receipts.length + " rows");
            }
        }
        knownSeq = seq;
        knownHash = prev;
        return true;
    }

    private void readHead() throws SQLException {
        try (ResultSet rs = readHead.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain_head has no row");
            }
            knownSeq = rs.getLong(1);
            knownHash = rs.getBytes(2);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            // held for the writer's life: the writer never waits for a pool that callers,
            // themselves waiting for the writer, may have drained
            Connection c = dataSource.getConnection();
            try {
                // one statement per batch, atomic on its own: autocommit makes it one round trip
                c.setAutoCommit(true);
                // "committed" must mean "on disk" for callers that wait (the data service answers only
                // then), whatever a database or role default says
                try (var s = c.createStatement()) {
                    s.execute("set synchronous_commit = on");
                }
                readHead = c.prepareStatement(READ_HEAD);
                insertAndMoveHead = c.prepareStatement(INSERT_AND_MOVE_HEAD);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the audit writer's connection failed", e);
            }
            connection = null;
            readHead = null;
            insertAndMoveHead = null;
        }
    }

    /** The batch column by column, as the text arrays {@link #INSERT_AND_MOVE_HEAD} unnests. */
    private static final class Columns {

        private final String[][] values;

        Columns(int rows) {
            values = new String[18][rows];
        }

        void add(int i, AuditRecord r, ChainRow row, byte[] prev, byte[] hash) {
            String[] v = {Long.toString(row.seq()), r.occurredAt().toString(), row.actorUserId(), row.actorName(),
                row.organizationId(), row.clientApplicationId(), row.action(), row.targetType(), row.targetId(),
                row.targetOrganizationId(), row.purpose(), row.outcome(), row.requestId(), row.detail(),
                arrayLiteral(row.subjectKeys()), row.hashAlg(), HEX.formatHex(prev), HEX.formatHex(hash)};
            for (int col = 0; col < v.length; col++) {
                values[col][i] = v[col];
            }
        }

        void bind(Connection c, PreparedStatement ps, int offset) throws SQLException {
            for (int col = 0; col < values.length; col++) {
                ps.setArray(offset + col + 1, c.createArrayOf("text", values[col]));
            }
        }
    }

    /** A text[] literal with every element quoted, so no value can be taken for a separator or NULL. */
    static String arrayLiteral(List<String> values) {
        if (values == null) {
            return null;
        }
        StringBuilder a = new StringBuilder(values.size() * 68).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '"' || c == '\\') {
                    a.append('\\');
                }
                a.append(c);
            }
            a.append('"');
        }
        return a.append('}').toString();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private record Pending(AuditRecord record, List<String> subjectKeys, CompletableFuture<AuditReceipt> future) {

        ChainRow row(long seq, String algorithm) {
            AuditRecord r = record;
            long micros = Math.addExact(Math.multiplyExact(r.occurredAt().getEpochSecond(), 1_000_000L),
                r.occurredAt().getNano() / 1_000);
            return new ChainRow(seq, micros, text(r.actorUserId()), r.actorName(), text(r.organizationId()),
                text(r.clientApplicationId()), r.action(), r.targetType(), r.targetId(),
                text(r.targetOrganizationId()), r.purpose(), r.outcome().name(), r.requestId(), r.detail(),
                subjectKeys, algorithm);
        }
    }

    // ---- lifecycle: start first, stop last, so everything else can still audit while it stops

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        accepting = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        accepting = false;
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.error("Audit writer did not finish draining within 60 s; {} entries waiting", queue.size());
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.future.completeExceptionally(new AuditLogUnavailableException("audit log stopped")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
