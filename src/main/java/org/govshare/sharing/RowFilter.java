package org.govshare.sharing;

import java.util.List;

/**
 * One condition of a grant's row scope: only records whose {@code item} satisfies it are readable
 * (all filters of a scope must hold). E.g. {@code xzqh PREFIX 510112} for the consumer's jurisdiction.
 */
public record RowFilter(String item, FilterOp op, List<String> values) {

    public RowFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
