package org.govshare.sharing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the sharing rules, in working days (configurable: some places answer in 5 when the
 * data is already on the platform). {@code govshare.sharing.*}.
 */
@ConfigurationProperties("govshare.sharing")
record SharingProperties(Boolean precheckEnabled, Integer precheckWorkingDays, Integer reviewWorkingDays,
                         Integer disputeWorkingDays, Integer coordinationWorkingDays, Integer remindWorkingDaysBefore,
                         Integer maxPeriodYears, Integer grantExpiryWorkingDaysBefore,
                         Duration sweepInterval) {

    SharingProperties {
        precheckEnabled = precheckEnabled == null || precheckEnabled;
        precheckWorkingDays = precheckWorkingDays == null ? 2 : precheckWorkingDays;
        reviewWorkingDays = reviewWorkingDays == null ? 10 : reviewWorkingDays;
        disputeWorkingDays = disputeWorkingDays == null ? 10 : disputeWorkingDays;
        coordinationWorkingDays = coordinationWorkingDays == null ? 20 : coordinationWorkingDays;
        remindWorkingDaysBefore = remindWorkingDaysBefore == null ? 1 : remindWorkingDaysBefore;
        maxPeriodYears = maxPeriodYears == null ? 3 : maxPeriodYears;
        grantExpiryWorkingDaysBefore = grantExpiryWorkingDaysBefore == null ? 10 : grantExpiryWorkingDaysBefore;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(5) : sweepInterval;
    }
}
