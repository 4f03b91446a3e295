package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a consumer asks for: the items of a published resource, for which of its client
 * applications, why (purpose, legal or policy basis, business scenario), for how long and how much.
 * {@code purposes} are the use scenarios its calls will name in X-Purpose, each at most
 * {@value Purposes#MAX_LENGTH} characters; when none are listed, a short enough {@code purpose} is the only one.
 */
public record ApplicationDraft(UUID resourceId, List<String> items, UUID clientApplicationId, String purpose,
                               String basis, String scenario, LocalDate validFrom, LocalDate validUntil,
                               Integer expectedDailyCalls, List<String> purposes) {

    public ApplicationDraft(UUID resourceId, List<String> items, UUID clientApplicationId, String purpose, String basis,
                            String scenario, LocalDate validFrom, LocalDate validUntil, Integer expectedDailyCalls) {
        this(resourceId, items, clientApplicationId, purpose, basis, scenario, validFrom, validUntil,
            expectedDailyCalls, null);
    }
}
