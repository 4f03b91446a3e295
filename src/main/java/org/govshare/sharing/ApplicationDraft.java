package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a consumer asks for: the items of a published resource, for which of its client
 * applications, why (purpose, legal or policy basis, business scenario), for how long and how much.
 */
public record ApplicationDraft(UUID resourceId, List<String> items, UUID clientApplicationId, String purpose,
                               String basis, String scenario, LocalDate validFrom, LocalDate validUntil,
                               Integer expectedDailyCalls) {
}
