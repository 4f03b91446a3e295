package org.govshare.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as its parties see it. {@code dueDate}/{@code workingDaysLeft} describe the running
 * stage's deadline (null when nothing is due); {@code overdue} is set when it passed undecided.
 */
public record ApplicationView(UUID id, String number, SharingPath path, ApplicationState state, UUID consumerId,
                              UUID clientApplicationId, UUID resourceId, String resourceCode, String resourceName,
                              int resourceVersion, UUID providerId, List<String> items, String purpose,
                              List<String> purposes, String basis,
                              String scenario, LocalDate validFrom, LocalDate validUntil, int expectedDailyCalls,
                              LocalDate dueDate, Integer workingDaysLeft, boolean overdue, String decisionReason,
                              UUID grantId, Instant submittedAt, Instant decidedAt, long version,
                              List<ApplicationStep> steps) {
}
