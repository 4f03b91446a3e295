package org.govshare.dataset.internal.pull;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.DatasetEvents.PullFailed;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.dataset.internal.load.SourceException;
import org.govshare.dataset.internal.pull.PullStore.PullRow;
import org.govshare.dataset.internal.pull.PullStore.SourceRow;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Roles;
import org.govshare.platform.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one pull: claims the definition (so no other node or click runs it at the same time), opens
 * the source inside the load (so an unreachable source is a FAILED load the user sees, not a lost
 * error), streams it through {@link Loads} as channel PULL, then keeps the watermark only if the load
 * was applied, and schedules the next run: the regular one after a success, a retry with backoff
 * after a source failure (up to as many retries as backoff steps), the regular one after that.
 */
@Component
class PullRunner {

    private static final Logger log = LoggerFactory.getLogger(PullRunner.class);
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final PullStore store;
    private final SecretBox secrets;
    private final CatalogManagement catalog;
    private final ObjectProvider<Loads> loads;
    private final ObjectProvider<DatasetManagement> datasets;
    private final PullProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ExecutorService executor;
    private final Semaphore slots;
    private final Clock clock = Clock.systemUTC();

    PullRunner(PullStore store, SecretBox secrets, CatalogManagement catalog, ObjectProvider<Loads> loads,
               ObjectProvider<DatasetManagement> datasets, PullProperties properties, ApplicationEventPublisher events,
               TransactionTemplate tx) {
        this.store = store;
        this.secrets = secrets;
        this.catalog = catalog;
        this.loads = loads;
        this.datasets = datasets;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        int n = Math.max(1, properties.concurrency());
        this.slots = new Semaphore(n);
        this.executor = Executors.newFixedThreadPool(n + 1, r -> {
            Thread t = new Thread(r, "dataset-pull");
            t.setDaemon(true);
            return t;
        });
    }

    void shutdown() {
        executor.shutdownNow();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        shutdown();
    }

    /** Free slots for scheduled pulls on this node. */
    int freeSlots() {
        return slots.availablePermits();
    }

    /** Runs already-claimed definitions in the background, one slot each. */
    void submitClaimed(List<UUID> resourceIds) {
        for (UUID id : resourceIds) {
            if (!slots.tryAcquire()) {
                store.release(id);
                continue;
            }
            executor.submit(() -> {
                try {
                    execute(id, null);
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** Claims and runs now; waits a little for the outcome, else answers with the load as it stands. */
    LoadView runNow(UUID resourceId, Actor actor) {
        Instant now = clock.instant();
        if (!store.claim(resourceId, NODE, now.plus(properties.lease()), now)) {
            throw ProblemException.conflict("resourceId", "pull-running");
        }
        String requestId = RequestIds.current();
        Future<LoadView> run = executor.submit(() -> execute(resourceId, new Trigger(actor, requestId)));
        try {
            return run.get(properties.waitForRun().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return CurrentActor.runAs(actor, () -> datasets.getObject().loads(resourceId, PageRequest.of(0, 1))
                .stream().findFirst().orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    record Trigger(Actor actor, String requestId) {
    }

    /** One pull of a claimed definition; always releases the claim. */
    LoadView execute(UUID resourceId, Trigger trigger) {
        PullRow def = store.pull(resourceId).orElse(null);
        if (def == null) {
            return null;
        }
        // the whole run (catalog look-ups, the load, the bookkeeping) acts as the person who asked or the system
        Actor actor = trigger != null ? trigger.actor()
            : new Actor(null, "system:pull", def.providerId(), Set.of(Roles.DATA_STEWARD), null);
        String requestId = trigger != null ? trigger.requestId() : "pull-" + UUID.randomUUID();
        try {
            return CurrentActor.runAs(actor, () -> pull(def, actor, requestId));
        } catch (RuntimeException e) {
            log.error("Pull of resource {} failed outside its load", resourceId, e);
            Instant now = clock.instant();
            Instant next = CurrentActor.runAs(actor, () -> nextRegular(def, now));
            store.finish(resourceId, null, LoadState.FAILED, "pull-error: " + e.getMessage(), def.failures() + 1,
                next, null, null, now);
            throw e;
        }
    }

    private LoadView pull(PullRow def, Actor actor, String requestId) {
        ResourceView resource = catalog.published(def.resourceId()).orElse(null);
        SourceRow source = store.source(def.sourceId()).orElseThrow();
        Instant now = clock.instant();
        if (resource == null) {
            // withdrawn since: nothing to load into; wait for the next regular run
            store.finish(def.resourceId(), null, null, "resource-not-published", def.failures(),
                nextRegular(def, now), null, null, now);
            return null;
        }
        boolean incremental = def.mode() == LoadMode.INCREMENTAL;
        boolean afterWatermark = incremental && def.watermark() != null;
        // an empty mapping lets the pipeline match columns to data items by code name or name
        ColumnMapping mapping = def.mapping();
        Map<String, String> renames = Map.of();
        String sql = PullSql.select(source.kind(), def.table(), def.query(), def.watermarkColumn(), afterWatermark);
        String sourceName = source.name() + ": " + (def.table() != null ? def.table() : "query");
        AtomicReference<JdbcRowSource> opened = new AtomicReference<>();
        String password = secrets.open(source.passwordSealed());
        if (afterWatermark && nothingNew(source, password, sql, def)) {
            // up to date: no load at all, so a 5-minute schedule does not fill the history with empty loads
            store.finish(def.resourceId(), def.lastLoadId(), def.lastState(), null, 0, nextRegular(def, now), null, null,
                now);
            return null;
        }
        LoadRequest.SourceOpener opener = () -> {
            Connection c = null;
            try {
                c = SourceConnector.open(source.kind(), source.jdbcUrl(), source.username(), password,
                    properties.connectTimeout(), Duration.ZERO);
                PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(properties.fetchSize());
                ps.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, properties.queryTimeout().toSeconds()));
                if (afterWatermark) {
                    JdbcRowSource.bindWatermark(ps, 1, def.watermark(),
                        def.watermarkType() == null ? java.sql.Types.VARCHAR : def.watermarkType());
                }
                JdbcRowSource rows = new JdbcRowSource(c, ps, ps.executeQuery(), renames,
                    incremental ? def.watermarkColumn() : null);
                if (incremental && !rows.hasWatermarkColumn()) {
                    rows.close();
                    throw new SourceException("source-query-failed", null, "no column " + def.watermarkColumn(), null,
                        "watermark column " + def.watermarkColumn() + " not in the result");
                }
                opened.set(rows);
                return rows;
            } catch (SQLException e) {
                SourceConnector.close(c);
                throw JdbcRowSource.failure(e, null);
            }
        };
        LoadRequest request = new LoadRequest(def.resourceId(), LoadChannel.PULL, def.mode(), def.policy(), mapping,
            sourceName, null, opener, actor, requestId);
        LoadView load = loads.getObject().run(request);
        afterLoad(def, load, opened.get(), actor, requestId);
        return load;
    }

    /**
     * Whether the source answers and has no row past the watermark. Any error says "not known": the
     * load then runs and reports the failure the usual way.
     */
    private boolean nothingNew(SourceRow source, String password, String sql, PullRow def) {
        Connection c = null;
        try {
            c = SourceConnector.open(source.kind(), source.jdbcUrl(), source.username(), password,
                properties.connectTimeout(), Duration.ZERO);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(1);
                ps.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, properties.queryTimeout().toSeconds()));
                JdbcRowSource.bindWatermark(ps, 1, def.watermark(),
                    def.watermarkType() == null ? java.sql.Types.VARCHAR : def.watermarkType());
                try (ResultSet rs = ps.executeQuery()) {
                    return !rs.next();
                }
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        } finally {
            SourceConnector.close(c);
        }
    }

    private void afterLoad(PullRow def, LoadView load, JdbcRowSource rows, Actor actor, String requestId) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (load.state() == LoadState.SUCCEEDED) {
                String wm = rows != null && def.mode() == LoadMode.INCREMENTAL ? rows.watermark() : null;
                store.finish(def.resourceId(), load.id(), load.state(), null, 0, nextRegular(def, now), wm,
                    wm == null ? null : rows.watermarkType(), now);
            } else if (load.state() == LoadState.FAILED && "no-rows".equals(load.errorCode())
                    && def.mode() == LoadMode.INCREMENTAL) {
                // nothing past the watermark: up to date, not a failure of the source
                store.finish(def.resourceId(), load.id(), load.state(), null, 0, nextRegular(def, now), null, null, now);
            } else if (load.state() == LoadState.FAILED) {
                int failures = def.failures() + 1;
                boolean retryable = load.errorCode() != null
                    && (load.errorCode().startsWith("source-") || load.errorCode().equals("interrupted"));
                List<Duration> backoff = properties.retryBackoff();
                Instant retryAt = retryable && failures <= backoff.size() ? now.plus(backoff.get(failures - 1)) : null;
                Instant regular = nextRegular(def, now);
                Instant next = retryAt != null && (regular == null || retryAt.isBefore(regular)) ? retryAt : regular;
                String error = load.errorMessage() == null ? load.errorCode()
                    : load.errorMessage().startsWith(load.errorCode()) ? load.errorMessage()
                    : load.errorCode() + ": " + load.errorMessage();
                store.finish(def.resourceId(), load.id(), load.state(), error, failures, next, null, null, now);
                events.publishEvent(new PullFailed(def.resourceId(), def.providerId(), load.id(), def.sourceId(),
                    load.errorCode(), load.errorMessage(), failures, retryAt, actor, requestId));
                log.warn("Pull of resource {} failed ({}), failure {}; next run {}", def.resourceId(), error, failures,
                    next);
            } else {
                store.finish(def.resourceId(), load.id(), load.state(), null, def.failures(), nextRegular(def, now),
                    null, null, now);
            }
        });
    }

    private Instant nextRegular(PullRow def, Instant now) {
        if (!def.enabled()) {
            return null;
        }
        String cron = def.cron();
        if (cron == null) {
            cron = PullSchedules.derived(catalog.published(def.resourceId()).map(ResourceView::updateCycle).orElse(null));
        }
        return PullSchedules.next(cron, now);
    }
}
