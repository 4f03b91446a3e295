package org.govshare.dataset.internal.pull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.govshare.catalog.UpdateCycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * When pulls run: from the resource's update cycle (real time every 5 minutes, daily at 02:00,
 * weekly Monday 02:00, monthly the 1st, quarterly and half-yearly the 1st of the quarter or half,
 * yearly 1 January; irregular and other daily) in Asia/Shanghai, or an explicit cron.
 */
final class PullSchedules {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PullSchedules() {
    }

    static String derived(UpdateCycle cycle) {
        if (cycle == null) {
            return "0 0 2 * * *";
        }
        return switch (cycle) {
            case REAL_TIME -> "0 */5 * * * *";
            case DAILY, IRREGULAR, OTHER -> "0 0 2 * * *";
            case WEEKLY -> "0 0 2 * * MON";
            case MONTHLY -> "0 0 2 1 * *";
            case QUARTERLY -> "0 0 2 1 1,4,7,10 *";
            case HALF_YEARLY -> "0 0 2 1 1,7 *";
            case YEARLY -> "0 0 2 1 1 *";
        };
    }

    /** Null when valid; else the rule broken: cron-invalid, cron-too-frequent (runs closer than a minute apart). */
    static String check(String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            return "cron-invalid";
        }
        CronExpression e = CronExpression.parse(cron);
        ZonedDateTime t = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZONE);
        ZonedDateTime a = e.next(t);
        ZonedDateTime b = a == null ? null : e.next(a);
        if (a == null) {
            return "cron-invalid";
        }
        if (b != null && java.time.Duration.between(a, b).getSeconds() < 60) {
            return "cron-too-frequent";
        }
        return null;
    }

    static Instant next(String cron, Instant after) {
        ZonedDateTime n = CronExpression.parse(cron).next(after.atZone(ZONE));
        return n == null ? null : n.toInstant();
    }
}
