package org.govshare.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer (or the authority) grants, never more than was asked: a subset of the items
 * (null = all requested), an earlier end (null = as requested), a row scope, a lower daily quota
 * (null = the expected volume), masks per item (null = the defaults for the items' sensitivity) and
 * the purposes calls may name (null = all requested; a reviewer strikes a use it does not accept).
 */
public record Approval(List<String> items, LocalDate validUntil, List<RowFilter> rowScope, Integer dailyQuota,
                       Map<String, Mask> masks, String comment, List<String> purposes) {

    public Approval(List<String> items, LocalDate validUntil, List<RowFilter> rowScope, Integer dailyQuota,
                    Map<String, Mask> masks, String comment) {
        this(items, validUntil, rowScope, dailyQuota, masks, comment, null);
    }

    public static Approval asRequested(String comment) {
        return new Approval(null, null, null, null, null, comment, null);
    }
}
