package org.govshare.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source column feeds which data item: {@code items} maps a column name as it appears in
 * the source to a data item's code name; unmapped columns are ignored. {@code deleteColumn}, when
 * set, names the column whose value marks a row as a delete (true/1/Y/是/D) in incremental loads.
 */
public record ColumnMapping(Map<String, String> items, String deleteColumn) {

    public ColumnMapping {
        items = items == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }
}
