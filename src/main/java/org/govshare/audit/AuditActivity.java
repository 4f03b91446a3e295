package org.govshare.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Entries per day and outcome (days in the display time zone), for the dashboard's chart. */
public record AuditActivity(List<LocalDate> days, Map<AuditOutcome, List<Long>> counts) {
}
