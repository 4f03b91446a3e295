package org.govshare.catalog.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.VersionDiff;
import org.govshare.catalog.VersionDiff.FieldChange;
import org.govshare.catalog.VersionDiff.ItemChange;

/** Compares two published versions field by field, and their data items by code name. */
final class VersionDiffer {

    /** Bookkeeping that changes with every version and says nothing about the content. */
    private static final Set<String> IGNORED = Set.of("id", "dataItems", "status", "publishedVersion", "reviewComment",
        "version", "updatedAt", "withdrawnReason");

    private VersionDiffer() {
    }

    static VersionDiff diff(int from, ResourceView a, int to, ResourceView b) {
        List<FieldChange> fields = compare(a, b, IGNORED);
        Map<String, DataItemView> before = byCode(a.dataItems());
        Map<String, DataItemView> after = byCode(b.dataItems());
        List<ItemChange> items = new ArrayList<>();
        before.forEach((code, item) -> {
            DataItemView other = after.get(code);
            if (other == null) {
                items.add(new ItemChange(code, "removed", List.of()));
            } else {
                List<FieldChange> changes = compare(item, other, Set.of());
                if (!changes.isEmpty()) {
                    items.add(new ItemChange(code, "changed", changes));
                }
            }
        });
        after.keySet().stream().filter(code -> !before.containsKey(code))
            .forEach(code -> items.add(new ItemChange(code, "added", compare(null, after.get(code), Set.of()))));
        return new VersionDiff(from, to, fields, items);
    }

    private static Map<String, DataItemView> byCode(List<DataItemView> items) {
        Map<String, DataItemView> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(i.codeName(), i));
        return map;
    }

    private static List<FieldChange> compare(Record a, Record b, Set<String> ignored) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent c : b.getClass().getRecordComponents()) {
            if (ignored.contains(c.getName())) {
                continue;
            }
            Object before = a == null ? null : value(c, a);
            Object after = value(c, b);
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(c.getName(), text(before), text(after)));
            }
        }
        return changes;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
