package org.govshare.catalog;

import java.time.Period;

/** 更新周期, with the longest a resource may go without an update before it is overdue. */
public enum UpdateCycle {
    REAL_TIME(Period.ofDays(1)), DAILY(Period.ofDays(1)), WEEKLY(Period.ofWeeks(1)), MONTHLY(Period.ofMonths(1)),
    QUARTERLY(Period.ofMonths(3)), HALF_YEARLY(Period.ofMonths(6)), YEARLY(Period.ofYears(1)), IRREGULAR(null), OTHER(null);

    private final Period promise;

    UpdateCycle(Period promise) {
        this.promise = promise;
    }

    /** The promised interval between updates, or null when the cycle promises none. */
    public Period promise() {
        return promise;
    }
}
