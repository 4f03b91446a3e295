package org.govshare.dataset.internal.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.govshare.dataset.DatasetEvents.DatasetOverdue;
import org.govshare.dataset.DatasetHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for resources whose records are overdue, shortly after start-up and then daily, and
 * announces each overdue period once: the period is the resource and its due time, written to
 * {@code dataset_overdue} in the same transaction as the event's publication, so several nodes or
 * a rerun never announce it twice and a crash before commit announces it on the next run.
 */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final DatasetHealthService health;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    OverdueSweep(DatasetHealthService health, JdbcClient jdbc, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions) {
        this.health = health;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${govshare.dataset.overdue-sweep.initial-delay:PT1M}",
        fixedDelayString = "${govshare.dataset.overdue-sweep.interval:P1D}")
    void scheduled() {
        try {
            List<DatasetOverdue> announced = sweep();
            log.info("freshness sweep: {} newly overdue resources announced", announced.size());
        } catch (RuntimeException e) {
            log.warn("freshness sweep failed; it runs again at the next interval", e);
        }
    }

    /** Announces every overdue period not announced before and returns those announcements. */
    List<DatasetOverdue> sweep() {
        List<DatasetOverdue> announced = new ArrayList<>();
        for (DatasetHealth h : health.healthOf(null)) {
            if (!h.freshness().overdue() || h.freshness().dueAt() == null) {
                continue;
            }
            DatasetOverdue event = new DatasetOverdue(h.resourceId(), h.providerId(), h.freshness().dueAt());
            Boolean fresh = transaction.execute(status -> {
                int inserted = jdbc.sql("""
                        insert into dataset_overdue (resource_id, due_at, provider_id, announced_at)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                    .params(h.resourceId(), Timestamp.from(event.dueAt()), h.providerId(),
                        Timestamp.from(clock.instant()))
                    .update();
                if (inserted == 1) {
                    events.publishEvent(event);
                }
                return inserted == 1;
            });
            if (Boolean.TRUE.equals(fresh)) {
                announced.add(event);
            }
        }
        return announced;
    }
}
