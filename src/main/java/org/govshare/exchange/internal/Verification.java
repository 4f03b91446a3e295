package org.govshare.exchange.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govshare.dataset.ItemKind;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A verification request (核验): the record is found by its key items, every submitted item must
 * be granted, and each is compared with the stored value the way the item's type reads it (numbers
 * as numbers, identifiers without case, text after Unicode normalization). The answer is match /
 * no match per item, never a value.
 */
record Verification(String recordKey, Map<String, String> items, Map<String, ServedResource.Item> defs) {

    static final int MAX_ITEMS = 50;

    static Verification of(GrantScope scope, Map<String, String> values, FilterParser parser) {
        if (values == null || values.isEmpty()) {
            throw FilterParser.bad("values", "verify-values-required");
        }
        if (values.size() > MAX_ITEMS) {
            throw FilterParser.bad("values", "filter-too-many-values", MAX_ITEMS);
        }
        ServedResource resource = scope.resource();
        List<ServedResource.Item> keys = resource.keyItems();
        if (keys.isEmpty()) {
            throw FilterParser.bad("values", "verify-no-key");
        }
        Map<String, String> items = new LinkedHashMap<>();
        Map<String, ServedResource.Item> defs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String field = "values." + e.getKey();
            ServedResource.Item item = resource.item(e.getKey())
                .orElseThrow(() -> FilterParser.bad(field, "filter-item-unknown", e.getKey()));
            if (!scope.grants(item.codeName())) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "filter-item-not-granted", field,
                    "problem.filter-item-not-granted", item.codeName());
            }
            items.put(item.codeName(), parser.value(item, e.getValue(), field));
            defs.put(item.codeName(), item);
        }
        StringBuilder key = new StringBuilder();
        for (ServedResource.Item k : keys) {
            String v = items.get(k.codeName());
            if (v == null) {
                throw FilterParser.bad("values." + k.codeName(), "verify-key-required", k.codeName());
            }
            if (key.length() > 0) {
                key.append('\u001f');
            }
            key.append(v);
        }
        return new Verification(key.toString(), items, defs);
    }

    boolean matches(String item, RecordFields record) {
        String stored = record.text(item);
        String given = items.get(item);
        if (stored == null || given == null) {
            return false;
        }
        ServedResource.Item def = defs.get(item);
        if (def.numeric()) {
            try {
                return new BigDecimal(stored.strip()).compareTo(new BigDecimal(given)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (def.kind() != ItemKind.PLAIN) {
            return stored.strip().toUpperCase(Locale.ROOT).equals(given.toUpperCase(Locale.ROOT));
        }
        return normal(stored).equals(normal(given));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC);
    }
}
