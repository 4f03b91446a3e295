package org.govshare.dataset.internal.validation;

import java.util.List;
import org.govshare.dataset.internal.load.RowProblem;

/**
 * The checks one resource's records must pass, compiled once per load from the published data
 * items and the provider's rules ({@link RecordChecksFactory}), then applied to every row; must be
 * cheap per row (no allocation beyond the result) since a million rows go through it.
 */
public interface RecordChecks {

    /** The data items' code names, in catalog order: the order of values in and out. */
    List<String> items();

    /** Code names of the key items, in catalog order (never empty: resources without key items cannot hold records). */
    List<String> keyItems();

    /**
     * Checks one row's raw values (in {@link #items()} order; null or blank = empty) and returns the
     * canonical values (String, Long, BigDecimal, java.time.LocalDate, java.time.LocalDateTime or
     * OffsetDateTime, Boolean, byte[] for BINARY; null for empty) or every problem found in the row.
     */
    Checked check(long row, String[] values);

    /** The record key from canonical values: key items' canonical text joined with U+001F. */
    String key(Object[] canonical);

    record Checked(Object[] values, List<RowProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
