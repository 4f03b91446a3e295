package org.govshare.dataset;

import java.time.Instant;

/**
 * Quality of a resource's current records, each a share between 0 and 1: completeness (filled
 * values of all items over records × items), validity (accepted rows over rows read in the
 * loads that produced the current version), uniqueness (distinct records by all non-key items
 * over records). Null figures when there are no records yet.
 */
public record Quality(Double completeness, Double validity, Double uniqueness, Instant measuredAt) {
}
