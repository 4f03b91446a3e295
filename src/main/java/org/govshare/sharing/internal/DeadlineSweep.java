package org.govshare.sharing.internal;

import java.time.Instant;
import java.util.List;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.SharingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps deadlines live: reminds whoever must act when a stage has the configured working days left,
 * and escalates a stage whose deadline passed undecided (once per stage) — a review stage then
 * counts against the provider. Rows are claimed with {@code skip locked}, so nodes never double up.
 */
@Component
class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final int BATCH = 200;

    private final Applications applications;
    private final Grants grants;
    private final Deadlines deadlines;
    private final SharingProperties props;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DeadlineSweep(Applications applications, Grants grants, Deadlines deadlines, SharingProperties props,
                  ApplicationEventPublisher events, TransactionTemplate tx) {
        this.applications = applications;
        this.grants = grants;
        this.deadlines = deadlines;
        this.props = props;
        this.events = events;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "${govshare.sharing.sweep-initial-delay:PT30S}",
        fixedDelayString = "${govshare.sharing.sweep-interval:PT5M}")
    void scheduled() {
        sweep();
    }

    /** One pass; returns how many applications it reminded or escalated. */
    int sweep() {
        int total = expiring();
        int n;
        do {
            n = tx.execute(status -> batch());
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            log.info("Sharing deadlines: {} applications reminded or escalated", total);
        }
        return total;
    }

    private int batch() {
        Instant now = deadlines.now();
        Actor system = CurrentActor.system();
        List<Application> due = applications.dueForSweep(now, deadlines.horizon(props.remindWorkingDaysBefore()),
            BATCH);
        int touched = 0;
        for (Application a : due) {
            if (a.markOverdue(now)) {
                applications.update(a, now);
                applications.step(a.id, now, system, "overdue", a.state, null,
                    "{\"stage\":\"" + a.state.name() + "\"}");
                events.publishEvent(new SharingEvents.ApplicationOverdue(a.ref(), a.state,
                    Deadlines.dueDateOf(a.deadline), system, null, null));
                touched++;
            } else if (a.markReminded(deadlines, props.remindWorkingDaysBefore())) {
                applications.update(a, now);
                events.publishEvent(new SharingEvents.DeadlineApproaching(a.ref(), Deadlines.dueDateOf(a.deadline),
                    system, null, null));
                touched++;
            }
        }
        return touched;
    }

    /** Grants ending within the configured working days: their consumers are told once per end date. */
    int expiring() {
        java.time.LocalDate today = deadlines.today();
        java.time.LocalDate by = Deadlines.dueDateOf(deadlines.horizon(props.grantExpiryWorkingDaysBefore()));
        return tx.execute(status -> {
            Instant now = deadlines.now();
            Actor system = CurrentActor.system();
            List<Grant> due = grants.expiringBy(by, today, 1000);
            for (Grant g : due) {
                g.expiryReminded = true;
                grants.update(g, now);
                events.publishEvent(new SharingEvents.GrantExpiring(g.ref(), g.validUntil, system, null,
                    "until " + g.validUntil));
            }
            return due.size();
        });
    }
}
