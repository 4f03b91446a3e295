package org.govshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.govshare.platform.Violation;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.RowFilter;
import org.junit.jupiter.api.Test;

/** Row scope values must fit their item: a number for a numeric item, except PREFIX, which reads digits as text. */
class ScopesTest {

    private static final List<String> ITEMS = List.of("nl", "xzqh", "xm");
    private static final Set<String> NUMERIC = Set.of("nl");

    private static List<String> rules(RowFilter... filters) {
        return Scopes.checkFilters("rowScope", List.of(filters), ITEMS, NUMERIC).stream()
            .map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void numericItemsTakeNumbersInEqualsInAndRanges() {
        assertThat(rules(new RowFilter("nl", FilterOp.RANGE, List.of("18", "")))).isEmpty();
        assertThat(rules(new RowFilter("nl", FilterOp.IN, List.of("18", " 20.5 ")))).isEmpty();
        assertThat(rules(new RowFilter("nl", FilterOp.RANGE, List.of("12x", "40"))))
            .containsExactly("rowScope[0].values[0]:row-scope-value-number");
        assertThat(rules(new RowFilter("nl", FilterOp.EQ, List.of("十八"))))
            .containsExactly("rowScope[0].values[0]:row-scope-value-number");
    }

    @Test
    void prefixAndTextItemsTakeAnyText() {
        assertThat(rules(new RowFilter("nl", FilterOp.PREFIX, List.of("1")),
            new RowFilter("xm", FilterOp.EQ, List.of("张三")))).isEmpty();
        List<Violation> none = Scopes.checkFilters("rowScope",
            List.of(new RowFilter("nl", FilterOp.EQ, List.of("x"))), ITEMS);
        assertThat(none).as("callers that know no types keep the old rule").isEmpty();
    }
}
