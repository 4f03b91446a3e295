package org.govshare.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.VersionDiff;
import org.springframework.context.MessageSource;

/**
 * A {@link VersionDiff} as people read it: field labels instead of property names, code lists in
 * words, organizations and classifications by name, and each data item by its name.
 */
record VersionDiffView(int from, int to, List<Row> fields, List<Item> items) {

    /** Enumerated fields and the message prefix of their values. */
    private static final Map<String, String> CODE_LISTS = Map.of("format", "catalog.format.", "shareType",
        "catalog.shareType.", "shareMode", "catalog.shareMode.", "openType", "catalog.openType.", "updateCycle",
        "catalog.updateCycle.", "dataType", "catalog.dataType.", "sensitivity", "catalog.sensitivity.");
    private static final Set<String> ORGANIZATIONS = Set.of("providerId", "authoritativeSourceId");

    record Row(String field, String label, String before, String after) {
    }

    /** A data item that was added, removed or changed (then with its changed fields). */
    record Item(String codeName, String name, String change, List<Row> fields) {
    }

    public boolean isEmpty() {
        return fields.isEmpty() && items.isEmpty();
    }

    static VersionDiffView of(VersionDiff diff, ResourceView before, ResourceView after, FieldMessages labels,
                              CatalogViews views, Locale locale) {
        MessageSource messages = labels.messages();
        Map<UUID, String> organizations = views.organizationNames();
        Map<String, String> classifications = views.classificationNames(locale);
        List<Row> fields = new ArrayList<>();
        for (VersionDiff.FieldChange c : diff.fields()) {
            fields.add(row(c, labels, messages, organizations, classifications, locale));
        }
        List<Item> items = new ArrayList<>();
        for (VersionDiff.ItemChange c : diff.items()) {
            String name = name(c.codeName(), "removed".equals(c.change()) ? before : after);
            List<Row> rows = new ArrayList<>();
            if ("changed".equals(c.change())) {
                for (VersionDiff.FieldChange f : c.fields()) {
                    rows.add(new Row(f.field(), labels.itemFieldName(f.field(), locale),
                        value(f.field(), f.before(), messages, organizations, classifications, locale),
                        value(f.field(), f.after(), messages, organizations, classifications, locale)));
                }
            }
            items.add(new Item(c.codeName(), name, c.change(), rows));
        }
        return new VersionDiffView(diff.from(), diff.to(), fields, items);
    }

    private static String name(String codeName, ResourceView version) {
        return version.dataItems().stream().filter(i -> i.codeName().equals(codeName)).map(DataItemView::name)
            .findFirst().orElse(codeName);
    }

    private static Row row(VersionDiff.FieldChange c, FieldMessages labels, MessageSource messages,
                           Map<UUID, String> organizations, Map<String, String> classifications, Locale locale) {
        return new Row(c.field(), labels.fieldName(c.field(), locale),
            value(c.field(), c.before(), messages, organizations, classifications, locale),
            value(c.field(), c.after(), messages, organizations, classifications, locale));
    }

    private static String value(String field, String value, MessageSource messages, Map<UUID, String> organizations,
                                Map<String, String> classifications, Locale locale) {
        if (value == null || value.isBlank() || value.equals("[]")) {
            return null;
        }
        if (CODE_LISTS.containsKey(field)) {
            return messages.getMessage(CODE_LISTS.get(field) + value, null, value, locale);
        }
        if (ORGANIZATIONS.contains(field)) {
            try {
                return organizations.getOrDefault(UUID.fromString(value), value);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        if (field.equals("classificationCode")) {
            return value + " " + classifications.getOrDefault(value, "");
        }
        if (field.equals("key")) {
            return messages.getMessage(Boolean.parseBoolean(value) ? "common.yes" : "common.no", null, locale);
        }
        if (field.equals("relatedResourceCodes") && value.startsWith("[") && value.endsWith("]")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
