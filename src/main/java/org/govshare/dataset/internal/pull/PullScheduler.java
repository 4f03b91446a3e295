package org.govshare.dataset.internal.pull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every tick, claims the due pull definitions this node has room for ({@code for update skip locked}
 * plus a lease, so several nodes share the work and never run one definition twice) and runs them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PullScheduler {

    private static final Logger log = LoggerFactory.getLogger(PullScheduler.class);

    private final PullStore store;
    private final PullRunner runner;
    private final PullProperties properties;
    private final Clock clock = Clock.systemUTC();

    PullScheduler(PullStore store, PullRunner runner, PullProperties properties) {
        this.store = store;
        this.runner = runner;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${govshare.dataset.pull.tick:30s}", initialDelayString = "${govshare.dataset.pull.initial-delay:5s}")
    void tick() {
        if (!properties.scheduler()) {
            return;
        }
        int free = runner.freeSlots();
        if (free <= 0) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<UUID> due = store.claimDue(PullRunner.NODE, now.plus(properties.lease()), now, free);
            if (!due.isEmpty()) {
                log.info("Pulling {} due resource(s)", due.size());
                runner.submitClaimed(due);
            }
        } catch (RuntimeException e) {
            log.warn("Pull scheduler tick failed: {}", e.toString());
        }
    }
}
