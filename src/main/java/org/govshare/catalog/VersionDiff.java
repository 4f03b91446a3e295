package org.govshare.catalog;

import java.util.List;

/** What changed between two versions: field by field, and data item by data item (by code name). */
public record VersionDiff(int from, int to, List<FieldChange> fields, List<ItemChange> items) {

    public record FieldChange(String field, String before, String after) {
    }

    public record ItemChange(String codeName, String change, List<FieldChange> fields) {
    }
}
