package org.govshare.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.internal.load.RowProblem;
import org.govshare.dataset.internal.validation.RecordChecks;
import org.govshare.dataset.internal.validation.RecordChecksFactory;
import org.springframework.stereotype.Component;

/**
 * TEST-ONLY stand-in for the validation (helper/dataset-checks) until its factory is merged: type,
 * length and required checks enough for the core's tests. Deleted when the real factory lands.
 */
@Component
class InterimRecordChecks implements RecordChecksFactory {

    @Override
    public RecordChecks compile(ResourceView published, List<ItemRule> rules) {
        List<DataItemView> items = published.dataItems();
        List<String> codes = items.stream().map(DataItemView::codeName).toList();
        List<String> keys = items.stream().filter(DataItemView::key).map(DataItemView::codeName).toList();
        return new RecordChecks() {
            @Override
            public List<String> items() {
                return codes;
            }

            @Override
            public List<String> keyItems() {
                return keys;
            }

            @Override
            public Checked check(long row, String[] values) {
                Object[] out = new Object[values.length];
                List<RowProblem> problems = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    DataItemView item = items.get(i);
                    ItemRule rule = rules.get(i);
                    String v = values[i] == null ? null : values[i].trim();
                    if (v == null || v.isEmpty()) {
                        if (rule.required() || item.key()) {
                            problems.add(new RowProblem(row, item.codeName(), null, "required"));
                        }
                        continue;
                    }
                    try {
                        out[i] = switch (item.dataType()) {
                            case INTEGER -> Long.parseLong(v);
                            case DECIMAL -> new BigDecimal(v);
                            case DATE -> LocalDate.parse(v);
                            case BOOLEAN -> Boolean.parseBoolean(v);
                            default -> v;
                        };
                        if (item.length() != null && v.length() > item.length()) {
                            problems.add(new RowProblem(row, item.codeName(), v, "too-long", item.length()));
                        }
                        if (!rule.allowedValues().isEmpty() && !rule.allowedValues().contains(v)) {
                            problems.add(new RowProblem(row, item.codeName(), v, "not-in-code-list"));
                        }
                    } catch (RuntimeException e) {
                        problems.add(new RowProblem(row, item.codeName(), v, "type-" + item.dataType().name().toLowerCase()));
                    }
                }
                return new Checked(problems.isEmpty() ? out : null, problems);
            }

            @Override
            public String key(Object[] canonical) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < codes.size(); i++) {
                    if (items.get(i).key()) {
                        if (sb.length() > 0) {
                            sb.append('\u001F');
                        }
                        sb.append(org.govshare.dataset.internal.load.CanonicalValues.text(canonical[i]));
                    }
                }
                return sb.toString();
            }
        };
    }

    @Override
    public List<ItemRule> defaults(ResourceView published) {
        return published.dataItems().stream()
            .map(i -> new ItemRule(i.codeName(), i.key(), ItemKind.PLAIN, List.of(), null, null, null)).toList();
    }
}
