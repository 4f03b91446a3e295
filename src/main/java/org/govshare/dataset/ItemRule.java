package org.govshare.dataset;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a value of one data item must satisfy beyond the catalog's data type and length: the
 * catalog describes the item, the provider's steward tightens it here. Key items are always
 * required. {@code allowedValues} is a code list (empty: any), {@code pattern} a Java regular
 * expression matched against the whole value, {@code min}/{@code max} inclusive bounds for
 * INTEGER and DECIMAL items.
 */
public record ItemRule(String codeName, boolean required, ItemKind kind, List<String> allowedValues, String pattern,
                       BigDecimal min, BigDecimal max) {

    public ItemRule {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        kind = kind == null ? ItemKind.PLAIN : kind;
    }
}
