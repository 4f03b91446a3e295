package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer (or the authority) grants, never more than was asked: a subset of the items
 * (null = all requested), an earlier end (null = as requested), a row scope, a lower daily quota
 * (null = the expected volume) and masks per item (null = the defaults for the items' sensitivity).
 */
public record Approval(List<String> items, LocalDate validUntil, List<RowFilter> rowScope, Integer dailyQuota,
                       Map<String, Mask> masks, String comment) {

    public static Approval asRequested(String comment) {
        return new Approval(null, null, null, null, null, comment);
    }
}
