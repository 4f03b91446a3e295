package org.govshare.dataset.internal.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.DatasetEvents.LoadFailed;
import org.govshare.dataset.DatasetEvents.LoadRolledBack;
import org.govshare.dataset.DatasetEvents.RecordsChanged;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.internal.load.LoadStore.Counts;
import org.govshare.dataset.internal.validation.RecordChecks;
import org.govshare.dataset.internal.validation.RecordChecksFactory;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The load pipeline behind {@link Loads}: read the source, map its columns to data items, check
 * every row, find duplicate keys, and write records and change rows in ONE data transaction that
 * holds the resource's {@code dataset} row lock. An initial load into an empty dataset COPYs
 * straight into {@code dataset_record} (the first one into new partitions, see {@link Partitions});
 * any other load COPYs into a temporary staging table and
 * merges with set-based SQL. The {@code dataset_load} row moves in short transactions of its own
 * (progress, heartbeat), so a node that dies mid-load leaves a RUNNING row the sweeper fails and a
 * data transaction PostgreSQL rolls back: the previous version stays intact.
 */
@Component
public class LoadPipeline implements Loads, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LoadPipeline.class);
    private static final long TICK_NANOS = 500_000_000L;
    private static final Set<String> DELETE_MARKS = Set.of("true", "1", "y", "yes", "d", "是", "delete", "deleted");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LoadStore store;
    private final ItemRuleStore rules;
    private final CatalogManagement catalog;
    private final ObjectProvider<RecordChecksFactory> checksFactory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService ticker;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final Duration staleAfter;
    private final int maxStoredRejections;
    private final Clock clock = Clock.systemUTC();

    LoadPipeline(DataSource dataSource, JdbcClient jdbc, LoadStore store, ItemRuleStore rules, CatalogManagement catalog,
                 ObjectProvider<RecordChecksFactory> checksFactory, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions,
                 @Value("${govshare.dataset.load-threads:2}") int threads,
                 @Value("${govshare.dataset.stale-after:60s}") Duration staleAfter,
                 @Value("${govshare.dataset.max-stored-rejections:10000}") int maxStoredRejections) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.store = store;
        this.rules = rules;
        this.catalog = catalog;
        this.checksFactory = checksFactory;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
        this.maxStoredRejections = maxStoredRejections;
        AtomicInteger n = new AtomicInteger();
        // a few loads at a time (each holds a connection and a core); the rest wait their turn
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "dataset-load-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataset-load-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(200, Math.min(2000, staleAfter.toMillis() / 4));
        ticker.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long sweep = Math.max(1000, staleAfter.toMillis() / 2);
        ticker.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** The mark a load on this node carries while queued or running. */
    private static final class Running {
        volatile boolean cancel;
    }

    // --- Loads ----------------------------------------------------------------------------------

    @Override
    public LoadView start(LoadRequest request) {
        UUID providerId = provider(request.resourceId());
        UUID id = UUID.randomUUID();
        store.insert(id, providerId, request, LoadState.QUEUED, null, clock.instant());
        running.put(id, new Running());
        try {
            executor.execute(() -> job(id, request));
        } catch (RuntimeException e) {
            running.remove(id);
            throw e;
        }
        return view(id);
    }

    @Override
    public LoadView run(LoadRequest request) {
        return run(request, null);
    }

    /**
     * Runs on the caller's thread, recording the content hash of a pushed batch. Throws
     * {@link DuplicateBatchException} when the batch id was used before for this resource.
     */
    public LoadView run(LoadRequest request, String contentHash) {
        UUID providerId = provider(request.resourceId());
        UUID id = UUID.randomUUID();
        try {
            store.insert(id, providerId, request, LoadState.RUNNING, contentHash, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new DuplicateBatchException();
        }
        running.put(id, new Running());
        execute(id, request, providerId);
        return view(id);
    }

    /** The batch id was used before for this resource (a concurrent or earlier push). */
    public static final class DuplicateBatchException extends RuntimeException {
        DuplicateBatchException() {
            super("batch-id-reused", null, false, false);
        }
    }

    /** Stops a queued load at once and a running one at its next row; nothing it read is applied. */
    public void cancel(UUID loadId) {
        store.requestCancel(loadId);
        Running r = running.get(loadId);
        if (r != null) {
            r.cancel = true;
        }
    }

    private void job(UUID id, LoadRequest request) {
        if (request.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, request.requestId());
        }
        try {
            Actor actor = request.actor() == null ? CurrentActor.system() : request.actor();
            CurrentActor.runAs(actor, () -> {
                if (store.start(id)) {
                    execute(id, request, provider(request.resourceId()));
                } else {
                    closeQuietly(request);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Load {} failed unexpectedly", id, e);
        } finally {
            running.remove(id);
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private UUID provider(UUID resourceId) {
        return catalog.published(resourceId).map(ResourceView::providerId)
            .orElseThrow(() -> ProblemException.invalid("resourceId", "resource-not-published"));
    }

    private LoadView view(UUID id) {
        return store.find(id).orElseThrow().view();
    }

    // --- one load -------------------------------------------------------------------------------

    /** Why a load applied nothing; thrown inside the data transaction so it rolls back. */
    private static final class Abort extends RuntimeException {
        final LoadState state;
        final String code;

        Abort(LoadState state, String code, String message) {
            super(message, null, false, false);
            this.state = state;
            this.code = code;
        }
    }

    private void execute(UUID id, LoadRequest request, UUID providerId) {
        Run run = new Run(id, request, providerId, running.computeIfAbsent(id, k -> new Running()));
        try {
            tx.executeWithoutResult(status -> run.apply());
        } catch (Abort a) {
            run.fail(a.state, a.code, a.getMessage());
        } catch (ProblemException e) {
            run.fail(LoadState.FAILED, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Load {} of resource {} failed", id, request.resourceId(), e);
            run.fail(LoadState.FAILED, "load-error", rootMessage(e));
        } finally {
            run.close();
            closeQuietly(request);
            running.remove(id);
        }
    }

    /** The state of one load while it runs. */
    private final class Run {

        final UUID id;
        final LoadRequest request;
        final UUID providerId;
        final Running mark;
        final Counts counts = new Counts();
        final List<RowProblem> problems = new ArrayList<>();
        long problemCount;
        RowSource source;
        Writer writer;
        long lastTick = System.nanoTime();

        Run(UUID id, LoadRequest request, UUID providerId, Running mark) {
            this.id = id;
            this.request = request;
            this.providerId = providerId;
            this.mark = mark;
        }

        void problem(RowProblem p) {
            problemCount++;
            if (problems.size() < maxStoredRejections) {
                problems.add(p);
            }
        }

        void apply() {
            long started = System.nanoTime();
            ResourceView published = catalog.published(request.resourceId())
                .orElseThrow(() -> new Abort(LoadState.FAILED, "resource-not-published", null));
            RecordChecksFactory factory = checksFactory.getIfAvailable();
            if (factory == null) {
                throw new Abort(LoadState.FAILED, "validation-unavailable", "no RecordChecksFactory");
            }
            List<ItemRule> effective = rules.effective(published, factory);
            RecordChecks checks = factory.compile(published, effective);
            if (checks.keyItems().isEmpty()) {
                throw new Abort(LoadState.FAILED, "no-key-items", null);
            }
            RecordChecks deleteChecks = factory.compile(published, ItemRuleStore.forDeletes(effective, checks.keyItems()));
            try {
                source = request.source().open();
            } catch (SourceException e) {
                problem(new RowProblem(e.row(), null, null, e.code(), e.args()));
                throw new Abort(LoadState.FAILED, e.code(), e.getMessage());
            } catch (IOException e) {
                problem(new RowProblem(null, null, null, "source-unreadable"));
                throw new Abort(LoadState.FAILED, "source-unreadable", e.getMessage());
            }
            int[] columnOf = mapColumns(published, checks, source.columns());
            int deleteColumn = deleteColumn(source.columns());

            Locked locked = lock(published.id());
            Connection conn = DataSourceUtils.getConnection(dataSource);
            boolean direct = locked.recordCount == 0;
            boolean fresh = direct && !Partitions.exist(jdbc, request.resourceId());
            Writer writer = new Writer(conn, direct, fresh, locked.lastSeq, checks.items(), request.resourceId(), id);
            this.writer = writer;
            writer.begin();
            Map<String, Candidate> candidates = new HashMap<>();
            Set<String> directDeletes = new HashSet<>();
            KeyHashes seen = new KeyHashes(1 << 16);
            boolean allOrNothing = request.policy() == LoadPolicy.ALL_OR_NOTHING;
            List<String> items = checks.items();
            String[] values = new String[items.size()];
            boolean writing = true;
            try {
                String[] raw;
                while ((raw = source.next()) != null) {
                    long row = source.rowNumber();
                    counts.read++;
                    for (int i = 0; i < values.length; i++) {
                        int c = columnOf[i];
                        values[i] = c < 0 || c >= raw.length ? null : raw[c];
                    }
                    boolean delete = deleteColumn >= 0 && deleteColumn < raw.length && isDeleteMark(raw[deleteColumn]);
                    RecordChecks.Checked checked = (delete ? deleteChecks : checks).check(row, values);
                    if (!checked.ok()) {
                        counts.rejected++;
                        for (RowProblem p : checked.problems()) {
                            problem(p);
                        }
                        if (allOrNothing && writing) {
                            writing = false;
                            writer.abandon();
                        }
                    } else {
                        String key = checks.key(checked.values());
                        long first = seen.putIfAbsent(KeyHashes.hash(key), row);
                        if (first >= 0) {
                            candidates.computeIfAbsent(key, k -> new Candidate(k, first)).add(row, delete,
                                delete ? null : checked.values());
                        } else {
                            counts.accepted++;
                            if (writing) {
                                writer.row(key, delete, checked.values(), row);
                            }
                            if (delete && direct) {
                                directDeletes.add(key);
                            }
                        }
                    }
                    if (mark.cancel) {
                        throw new Abort(LoadState.CANCELLED, "cancelled", null);
                    }
                    if ((counts.read & 511) == 0) {
                        tick(false);
                    }
                }
            } catch (IOException e) {
                writer.abandon();
                SourceException se = e instanceof SourceException s ? s : null;
                String code = se == null ? "source-unreadable" : se.code();
                problem(new RowProblem(se == null ? null : se.row(), null, null, code,
                    se == null ? new Object[0] : se.args()));
                throw new Abort(LoadState.FAILED, code, e.getMessage());
            } catch (RuntimeException e) {
                writer.abandon();
                throw e;
            }
            long tRead = System.nanoTime();
            if (writing) {
                writer.finish();
            }
            long tCopy = System.nanoTime();
            tick(true);
            // candidates: a hash seen before; the same key if the rows kept for it hold the key
            List<String> duplicateKeys = new ArrayList<>();
            for (Candidate c : candidates.values()) {
                boolean same = directDeletes.contains(c.key) || (writing && writer.holds(c.key));
                if (!same && !writing) {
                    // nothing was written to compare with: the rows are rejected anyway, so ask no further
                    same = true;
                }
                if (same) {
                    duplicateKeys.add(c.key);
                    String keyItems = String.join("+", checks.keyItems());
                    String shown = c.key.replace('\u001F', '|');
                    problem(new RowProblem(c.firstRow, keyItems, shown, "duplicate-key", c.rows.get(0)));
                    counts.accepted--;
                    counts.rejected++;
                    for (long r : c.rows) {
                        problem(new RowProblem(r, keyItems, shown, "duplicate-key", c.firstRow));
                        counts.rejected++;
                    }
                } else {
                    // a hash collision of different keys: the rows are fine after all
                    for (int i = 0; i < c.rows.size(); i++) {
                        counts.accepted++;
                        writer.late(c.key, c.deletes.get(i), c.values.get(i), c.rows.get(i));
                    }
                }
            }
            if (counts.rejected > 0 && allOrNothing) {
                throw new Abort(LoadState.FAILED, "rows-rejected", null);
            }
            if (counts.read == 0) {
                throw new Abort(LoadState.FAILED, "no-rows", null);
            }
            if (counts.accepted == 0) {
                throw new Abort(LoadState.FAILED, "no-valid-rows", null);
            }
            if (!duplicateKeys.isEmpty()) {
                writer.drop(duplicateKeys);
            }
            if (mark.cancel) {
                throw new Abort(LoadState.CANCELLED, "cancelled", null);
            }
            Delta delta = direct ? writer.directChanges(id) : writer.merge(id, request.mode() == LoadMode.FULL);
            long tApply = System.nanoTime();
            commit(locked, delta, null);
            log.info("Load {} of {}: {} rows read and checked in {} ms ({} ms of it waiting for the server), copy ended {} ms "
                + "later, {} {} ms, {} changes", id, request.resourceId(), counts.read, (tRead - started) / 1_000_000,
                writer.waitedMillis(), (tCopy - tRead) / 1_000_000,
                direct ? "change log" : "merge", (tApply - tCopy) / 1_000_000, delta.changes());
        }

        /** Writes the outcome and the event inside the data transaction, so they commit with the records. */
        void commit(Locked locked, Delta delta, UUID rolledBack) {
            counts.inserted = delta.inserted;
            counts.updated = delta.updated;
            counts.deleted = delta.deleted;
            int version = locked.version + 1;
            long lastSeq = delta.changes() == 0 ? locked.lastSeq : delta.lastSeq;
            jdbc.sql("""
                    update dataset set version = ?, record_count = record_count + ? - ?, last_seq = ?, last_load_id = ?,
                           last_loaded_at = now()
                    where resource_id = ?
                    """)
                .params(version, delta.inserted, delta.deleted, lastSeq, id, request.resourceId()).update();
            store.succeed(id, version, counts, delta.changes() == 0 ? 0 : delta.firstSeq,
                delta.changes() == 0 ? 0 : delta.lastSeq, problemCount);
            store.insertRejections(id, problems);
            Actor by = request.actor() == null ? CurrentActor.system() : request.actor();
            events.publishEvent(new RecordsChanged(request.resourceId(), providerId, id, request.channel(), version,
                delta.changes() == 0 ? 0 : delta.firstSeq, delta.changes() == 0 ? 0 : delta.lastSeq, delta.inserted,
                delta.updated, delta.deleted, by, request.requestId()));
            if (rolledBack != null) {
                store.markRolledBack(rolledBack, id);
                store.setRollbackOf(id, rolledBack);
                events.publishEvent(new LoadRolledBack(request.resourceId(), providerId, rolledBack, id, by,
                    request.requestId()));
            }
        }

        void fail(LoadState state, String code, String message) {
            try {
                separate.executeWithoutResult(s -> {
                    store.finishUnapplied(id, state, counts, code, message, problemCount);
                    store.insertRejections(id, problems);
                    if (state == LoadState.FAILED) {
                        events.publishEvent(new LoadFailed(request.resourceId(), providerId, id, request.channel(), code,
                            counts.rejected, request.actor() == null ? CurrentActor.system() : request.actor(),
                            request.requestId()));
                    }
                });
            } catch (RuntimeException e) {
                log.error("Could not record the outcome of load {}", id, e);
            }
        }

        void tick(boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastTick < TICK_NANOS) {
                return;
            }
            lastTick = now;
            int percent = 0;
            long done = source == null ? -1 : source.progressDone();
            long total = source == null ? -1 : source.progressTotal();
            if (done >= 0 && total > 0) {
                percent = (int) Math.min(90, 90 * done / total);
            }
            if (force) {
                percent = 90;
            }
            int p = percent;
            Boolean cancel = separate.execute(s -> store.progress(id, counts.read, counts.accepted, counts.rejected, p));
            if (Boolean.TRUE.equals(cancel)) {
                mark.cancel = true;
                throw new Abort(LoadState.CANCELLED, "cancelled", null);
            }
        }

        void close() {
            if (writer != null) {
                writer.closeKeyLog();
            }
            if (source != null) {
                try {
                    source.close();
                } catch (Exception e) {
                    log.debug("Closing the source of load {}", id, e);
                }
            }
        }

        private int[] mapColumns(ResourceView published, RecordChecks checks, List<String> columns) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                if (c != null) {
                    byName.putIfAbsent(norm(c), i);
                }
            }
            Map<String, String> itemNames = new HashMap<>();
            for (DataItemView item : published.dataItems()) {
                itemNames.put(item.codeName(), item.name());
            }
            Map<String, String> explicit = request.mapping() == null ? Map.of() : request.mapping().items();
            Map<String, Integer> columnByItem = new HashMap<>();
            if (!explicit.isEmpty()) {
                for (var e : explicit.entrySet()) {
                    Integer col = byName.get(norm(e.getKey()));
                    if (col != null && e.getValue() != null) {
                        columnByItem.put(e.getValue(), col);
                    }
                }
            } else {
                for (String code : checks.items()) {
                    Integer col = byName.get(norm(code));
                    if (col == null && itemNames.get(code) != null) {
                        col = byName.get(norm(itemNames.get(code)));
                    }
                    if (col != null) {
                        columnByItem.put(code, col);
                    }
                }
            }
            List<String> items = checks.items();
            int[] out = new int[items.size()];
            List<String> missingKeys = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Integer col = columnByItem.get(items.get(i));
                out[i] = col == null ? -1 : col;
                if (col == null && checks.keyItems().contains(items.get(i))) {
                    missingKeys.add(items.get(i));
                }
            }
            if (!missingKeys.isEmpty()) {
                for (String k : missingKeys) {
                    problem(new RowProblem(null, k, null, "key-column-missing", k));
                }
                throw new Abort(LoadState.FAILED, "key-column-missing", String.join(",", missingKeys));
            }
            return out;
        }

        private int deleteColumn(List<String> columns) {
            String name = request.mapping() == null ? null : request.mapping().deleteColumn();
            if (name == null || name.isBlank()) {
                return -1;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i) != null && norm(columns.get(i)).equals(norm(name))) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Rows sharing a key hash with an earlier row, kept until the hash is confirmed or cleared. */
    private static final class Candidate {
        final String key;
        final long firstRow;
        final List<Long> rows = new ArrayList<>(2);
        final List<Boolean> deletes = new ArrayList<>(2);
        final List<Object[]> values = new ArrayList<>(2);

        Candidate(String key, long firstRow) {
            this.key = key;
            this.firstRow = firstRow;
        }

        Candidate add(long row, boolean delete, Object[] v) {
            rows.add(row);
            deletes.add(delete);
            values.add(v == null ? null : v.clone());
            return this;
        }
    }

    static boolean isDeleteMark(String v) {
        return v != null && DELETE_MARKS.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    // --- locking and writing ------------------------------------------------------------------------

    record Locked(int version, long recordCount, long lastSeq, UUID lastLoadId) {
    }

    private Locked lock(UUID resourceId) {
        UUID provider = catalog.published(resourceId).map(ResourceView::providerId).orElseThrow();
        jdbc.sql("insert into dataset (resource_id, provider_id) values (?, ?) on conflict do nothing")
            .params(resourceId, provider).update();
        return jdbc.sql("select version, record_count, last_seq, last_load_id from dataset where resource_id = ? for update")
            .param(resourceId)
            .query((rs, i) -> new Locked(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, UUID.class)))
            .single();
    }

    /** What one load changed, from the change rows it wrote. */
    record Delta(long inserted, long updated, long deleted, long firstSeq, long lastSeq) {
        long changes() {
            return inserted + updated + deleted;
        }
    }

    /**
     * Writes the accepted rows: COPY into the records (empty dataset) or into a staging table. The
     * first load of a dataset COPYs into partitions of its own, indexed once after the COPY and
     * attached at the end, instead of maintaining the key index row by row.
     */
    private final class Writer {

        private final Connection conn;
        private final boolean direct;
        /** Direct into new, not yet attached partitions. */
        private final boolean fresh;
        private final String records;
        private final long baseSeq;
        private final List<String> items;
        private final UUID resourceId;
        private final UUID loadId;
        private CopyBuffer copy;
        private long written;
        /** Direct loads: the keys in seq order, for the change rows (a temp file: the heap stays bounded). */
        private KeyLog keyLog;
        /** Direct loads: a row written after the COPY (hash collision), not in the key log. */
        private boolean late;

        Writer(Connection conn, boolean direct, boolean fresh, long baseSeq, List<String> items, UUID resourceId,
                UUID loadId) {
            this.conn = conn;
            this.direct = direct;
            this.fresh = fresh;
            this.records = fresh ? Partitions.of(Partitions.RECORDS, resourceId) : Partitions.RECORDS;
            this.baseSeq = baseSeq;
            this.items = items;
            this.resourceId = resourceId;
            this.loadId = loadId;
        }

        void begin() {
            try {
                if (direct) {
                    keyLog = new KeyLog();
                }
                if (fresh) {
                    Partitions.createDetached(jdbc, Partitions.RECORDS, resourceId);
                }
                if (!direct) {
                    jdbc.sql("create temp table dataset_stage (record_key text, data jsonb, op text, row_no bigint) "
                        + "on commit drop").update();
                }
                String sql = direct
                    ? "copy " + records + " (resource_id, record_key, data, seq, load_id) from stdin (format binary"
                        + (fresh ? ", freeze true)" : ")")
                    : "copy dataset_stage (record_key, data, op, row_no) from stdin (format binary)";
                copy = new CopyBuffer(conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void row(String key, boolean delete, Object[] values, long row) {
            try {
                if (direct) {
                    if (delete) {
                        return;
                    }
                    copy.startRow(5);
                    copy.uuid(resourceId);
                    copy.text(key);
                    json(values);
                    copy.int8(baseSeq + ++written);
                    copy.uuid(loadId);
                    keyLog.add(key);
                } else {
                    copy.startRow(4);
                    copy.text(key);
                    if (delete) {
                        copy.text(null);
                    } else {
                        json(values);
                    }
                    copy.text(delete ? "D" : "U");
                    copy.int8(row);
                    written++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void json(Object[] values) {
            copy.beginJsonb();
            copy.raw('{');
            boolean first = true;
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (!first) {
                    copy.raw(',');
                }
                first = false;
                copy.jsonString(items.get(i));
                copy.raw(':');
                copy.jsonValue(v);
            }
            copy.raw('}');
            copy.endJsonb();
        }

        void abandon() {
            if (copy != null) {
                copy.cancel();
                copy = null;
            }
            closeKeyLog();
        }

        void closeKeyLog() {
            if (keyLog != null) {
                keyLog.close();
                keyLog = null;
            }
        }

        void finish() {
            try {
                waited = copy.waitedNanos();
                copy.finish();
                copy = null;
                if (fresh) {
                    // one sorted build instead of a million index insertions; duplicates were held back
                    long t0 = System.nanoTime();
                    jdbc.sql("alter table " + records + " add primary key (record_key)").update();
                    log.info("Built the key index of {} in {} ms", records, (System.nanoTime() - t0) / 1_000_000);
                }
                if (!direct) {
                    jdbc.sql("create index on dataset_stage (record_key)").update();
                    jdbc.sql("analyze dataset_stage").update();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean holds(String key) {
            return direct
                ? jdbc.sql("select count(*) from " + records + " where resource_id = ? and record_key = ?")
                    .params(resourceId, key).query(Long.class).single() > 0
                : jdbc.sql("select count(*) from dataset_stage where record_key = ?").param(key).query(Long.class)
                    .single() > 0;
        }

        /** A row held back by a hash collision that turned out to be a different key. */
        void late(String key, boolean delete, Object[] values, long row) {
            if (direct) {
                if (!delete) {
                    late = true;
                    jdbc.sql("insert into " + records + " (resource_id, record_key, data, seq, load_id) "
                            + "values (?, ?, ?::jsonb, ?, ?)")
                        .params(resourceId, key, CanonicalValues.json(items, values), baseSeq + ++written, loadId).update();
                }
            } else {
                jdbc.sql("insert into dataset_stage (record_key, data, op, row_no) values (?, ?::jsonb, ?, ?)")
                    .params(key, delete ? null : CanonicalValues.json(items, values), delete ? "D" : "U", row).update();
            }
        }

        /** Keys found twice in the load (KEEP_VALID): none of their rows is applied. */
        void drop(List<String> keys) {
            dropped = true;
            String[] k = keys.toArray(new String[0]);
            if (direct) {
                jdbc.sql("delete from " + records + " where resource_id = ? and record_key = any(?)").params(resourceId, k)
                    .update();
            } else {
                jdbc.sql("delete from dataset_stage where record_key = any(?)").param(k).update();
            }
        }

        long waitedMillis() {
            return waited / 1_000_000;
        }

        private long waited;
        private boolean dropped;

        Delta directChanges(UUID id) {
            // rows dropped as duplicates leave gaps: close them so the sequence stays contiguous
            if (dropped) {
                jdbc.sql("""
                    update %1$s r set seq = n.s
                    from (select record_key, ? + row_number() over (order by seq) as s
                          from %1$s where resource_id = ? and load_id = ?) n
                    where r.resource_id = ? and r.record_key = n.record_key and r.seq <> n.s
                    """.formatted(records))
                .params(baseSeq, resourceId, id, resourceId).update();
            }
            String changes = fresh ? Partitions.createDetached(jdbc, Partitions.CHANGES, resourceId) : Partitions.CHANGES;
            long inserted;
            if (!dropped && !late && keyLog != null) {
                // the usual case: the records hold exactly the logged keys with seqs base+1..base+n,
                // so the change rows are COPYed from the JVM instead of read back from the records
                long t0 = System.nanoTime();
                inserted = copyChanges(id, changes);
                log.info("COPYed {} change rows of load {} in {} ms", inserted, id, (System.nanoTime() - t0) / 1_000_000);
            } else {
                inserted = jdbc.sql("""
                        insert into %s (resource_id, seq, record_key, op, load_id, before)
                        select resource_id, seq, record_key, 'I', load_id, null from %s
                        where resource_id = ? and load_id = ?
                        """.formatted(changes, records))
                    .params(resourceId, id).update();
            }
            closeKeyLog();
            if (inserted >= 10_000) {
                // a big initial load changes the table's shape at once: give the planner of the next
                // merge statistics instead of waiting for autovacuum (a sample, cheap beside the load);
                // the columns merges join and filter on only: statistics of the jsonb data cost twice as
                // much to gather and no plan uses them
                long t0 = System.nanoTime();
                jdbc.sql("analyze " + records + " (resource_id, record_key, seq)").update();
                log.info("Analyzed {} after load {} in {} ms", records, id, (System.nanoTime() - t0) / 1_000_000);
            }
            if (fresh) {
                long t0 = System.nanoTime();
                jdbc.sql("alter table " + changes + " add primary key (seq)").update();
                Partitions.attach(jdbc, Partitions.RECORDS, records, resourceId);
                Partitions.attach(jdbc, Partitions.CHANGES, changes, resourceId);
                log.info("Indexed and attached {} in {} ms", changes, (System.nanoTime() - t0) / 1_000_000);
            }
            return new Delta(inserted, 0, 0, baseSeq + 1, baseSeq + inserted);
        }

        private long copyChanges(UUID id, String table) {
            try {
                CopyBuffer changes = new CopyBuffer(conn.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + table + " (resource_id, seq, record_key, op, load_id, before) from stdin (format binary"
                        + (fresh ? ", freeze true)" : ")")));
                long seq = baseSeq;
                try (KeyLog.Reader keys = keyLog.read()) {
                    String key;
                    while ((key = keys.next()) != null) {
                        changes.startRow(6);
                        changes.uuid(resourceId);
                        changes.int8(++seq);
                        changes.text(key);
                        changes.text("I");
                        changes.uuid(id);
                        changes.text(null);
                    }
                } catch (RuntimeException | SQLException e) {
                    changes.cancel();
                    throw e;
                }
                long n = changes.finish();
                if (seq != baseSeq + written || n != written) {
                    throw new IllegalStateException("change rows " + n + " for " + written + " records");
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Delta merge(UUID id, boolean full) {
            long t0 = System.nanoTime();
            String explicitDeletes = """
                union all
                select s.record_key, 'D', null::jsonb, r.data, s.row_no
                from dataset_stage s join dataset_record r on r.resource_id = :resource and r.record_key = s.record_key
                where s.op = 'D'
                """;
            String missing = """
                union all
                select r.record_key, 'D', null::jsonb, r.data, 9223372036854775807
                from dataset_record r
                where r.resource_id = :resource
                  and not exists (select 1 from dataset_stage s where s.record_key = r.record_key and s.op = 'U')
                """;
            jdbc.sql("""
                    create temp table dataset_delta on commit drop as
                    select d.record_key, d.op, d.data, d.before,
                           cast(:base as bigint) + row_number() over (order by d.ord, d.record_key) as seq
                    from (
                        select s.record_key, case when r.record_key is null then 'I' else 'U' end as op, s.data,
                               r.data as before, s.row_no as ord
                        from dataset_stage s
                        left join dataset_record r on r.resource_id = :resource and r.record_key = s.record_key
                        where s.op = 'U' and (r.data is null or r.data <> s.data)
                    """ + (full ? missing : explicitDeletes) + ") d")
                .param("base", baseSeq).param("resource", resourceId).update();
            log.info("Delta of load {} computed in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
            return applyDelta(resourceId, id);
        }
    }

    /** Applies dataset_delta (record_key, op, data, before, seq) as change rows and record writes. */
    private Delta applyDelta(UUID resourceId, UUID loadId) {
        long t0 = System.nanoTime();
        jdbc.sql("insert into dataset_change (resource_id, seq, record_key, op, load_id, before) "
            + "select ?, seq, record_key, op, ?, before from dataset_delta").params(resourceId, loadId).update();
        long t1 = System.nanoTime();
        jdbc.sql("delete from dataset_record r using dataset_delta d "
            + "where r.resource_id = ? and d.op = 'D' and r.record_key = d.record_key").param(resourceId).update();
        long t2 = System.nanoTime();
        // updates set-based (one join instead of an index probe per row), then the new keys
        jdbc.sql("""
                update dataset_record r set data = d.data, seq = d.seq, load_id = ?
                from dataset_delta d
                where r.resource_id = ? and d.op = 'U' and r.record_key = d.record_key
                """)
            .params(loadId, resourceId).update();
        jdbc.sql("""
                insert into dataset_record (resource_id, record_key, data, seq, load_id)
                select ?, record_key, data, seq, ? from dataset_delta where op = 'I'
                """)
            .params(resourceId, loadId).update();
        long t3 = System.nanoTime();
        long[] d = new long[5];
        jdbc.sql("select op, count(*), min(seq), max(seq) from dataset_delta group by op").query(rs -> {
            String op = rs.getString(1);
            long n = rs.getLong(2);
            switch (op) {
                case "I" -> d[0] = n;
                case "U" -> d[1] = n;
                default -> d[2] = n;
            }
            d[3] = d[3] == 0 ? rs.getLong(3) : Math.min(d[3], rs.getLong(3));
            d[4] = Math.max(d[4], rs.getLong(4));
        });
        log.info("Applied changes of load {}: change rows {} ms, deletes {} ms, upserts {} ms", loadId,
            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return new Delta(d[0], d[1], d[2], d[3], d[4]);
    }

    // --- rollback -------------------------------------------------------------------------------------

    /**
     * Undoes the newest applied load of the resource with a ROLLBACK load that applies the inverse of
     * its changes (newest first) as new changes. Refuses (409 {@code rollback-not-newest}) any other
     * load, so a stale screen cannot undo what it did not see.
     */
    public LoadView rollback(UUID resourceId, UUID loadId, Actor actor, String requestId) {
        UUID providerId = provider(resourceId);
        UUID id = UUID.randomUUID();
        LoadRequest request = new LoadRequest(resourceId, LoadChannel.ROLLBACK, LoadMode.INCREMENTAL,
            LoadPolicy.ALL_OR_NOTHING, null, "rollback " + loadId, null, null, actor, requestId);
        tx.executeWithoutResult(status -> {
            Locked locked = lock(resourceId);
            LoadStore.StoredLoad target = store.find(loadId).filter(l -> l.view().resourceId().equals(resourceId))
                .orElseThrow(() -> ProblemException.notFound("load", loadId));
            if (!loadId.equals(locked.lastLoadId()) || target.view().state() != LoadState.SUCCEEDED) {
                throw new ProblemException(HttpStatus.CONFLICT, "rollback-not-newest", "loadId",
                    "problem.rollback-not-newest");
            }
            store.insert(id, providerId, request, LoadState.RUNNING, null, clock.instant());
            LoadView t = target.view();
            jdbc.sql("""
                    create temp table dataset_delta on commit drop as
                    select c.record_key, case c.op when 'I' then 'D' when 'D' then 'I' else 'U' end as op,
                           c.before as data, r.data as before,
                           cast(? as bigint) + row_number() over (order by c.seq desc) as seq
                    from dataset_change c
                    left join dataset_record r on r.resource_id = c.resource_id and r.record_key = c.record_key
                    where c.resource_id = ? and c.seq between ? and ?
                    """)
                .params(locked.lastSeq(), resourceId, t.firstSeq(), t.lastSeq()).update();
            Delta delta = applyDelta(resourceId, id);
            Run run = new Run(id, request, providerId, new Running());
            run.counts.read = delta.changes();
            run.counts.accepted = delta.changes();
            run.commit(locked, delta, loadId);
        });
        return view(id);
    }

    // --- heartbeat and sweeper -------------------------------------------------------------------------

    private void heartbeat() {
        try {
            store.heartbeat(List.copyOf(running.keySet()));
        } catch (RuntimeException e) {
            log.debug("Load heartbeat failed", e);
        }
    }

    /** Fails loads whose node stopped beating; run at start-up and then periodically. */
    @EventListener(ApplicationReadyEvent.class)
    public void sweep() {
        try {
            int n = store.failAbandoned(clock.instant().minus(staleAfter));
            if (n > 0) {
                log.warn("Marked {} interrupted dataset load(s) FAILED", n);
            }
        } catch (RuntimeException e) {
            log.debug("Load sweep failed", e);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        executor.shutdownNow();
    }

    /** Openers that hold something (a stored upload) let go of it when the load is over, run or not. */
    private static void closeQuietly(LoadRequest request) {
        if (request.source() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Could not release the source of a load", e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
