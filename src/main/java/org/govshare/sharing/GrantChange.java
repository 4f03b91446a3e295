package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Narrowing a grant: fewer items, more row filters (the existing ones stay), a lower quota, an
 * earlier end, more or stricter masks, fewer purposes. Null fields stay as they are.
 */
public record GrantChange(List<String> items, List<RowFilter> addedRowFilters, Integer dailyQuota,
                          LocalDate validUntil, Map<String, Mask> masks, String reason, List<String> purposes) {

    public GrantChange(List<String> items, List<RowFilter> addedRowFilters, Integer dailyQuota, LocalDate validUntil,
                       Map<String, Mask> masks, String reason) {
        this(items, addedRowFilters, dailyQuota, validUntil, masks, reason, null);
    }
}
