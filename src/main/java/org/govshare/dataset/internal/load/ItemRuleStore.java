package org.govshare.dataset.internal.load;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.internal.validation.RecordChecksFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider's rules per data item ({@code dataset_item_rule}); items without a stored rule get
 * the validation's defaults, so the effective rules always cover every item of the published version.
 */
@Component
public class ItemRuleStore {

    private final JdbcClient jdbc;

    ItemRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ItemRule> stored(UUID resourceId) {
        return jdbc.sql("select code_name, required, kind, allowed_values, pattern, min_value, max_value "
                + "from dataset_item_rule where resource_id = ? order by code_name")
            .param(resourceId)
            .query((rs, i) -> {
                Array a = rs.getArray("allowed_values");
                List<String> allowed = a == null ? List.of() : Arrays.asList((String[]) a.getArray());
                return new ItemRule(rs.getString("code_name"), rs.getBoolean("required"),
                    ItemKind.valueOf(rs.getString("kind")), allowed, rs.getString("pattern"),
                    rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"));
            }).list();
    }

    /** Stored rules over the defaults, in catalog order; key items always required. */
    public List<ItemRule> effective(ResourceView published, RecordChecksFactory factory) {
        Map<String, ItemRule> byCode = new LinkedHashMap<>();
        for (ItemRule r : factory.defaults(published)) {
            byCode.put(r.codeName(), r);
        }
        for (ItemRule r : stored(published.id())) {
            if (byCode.containsKey(r.codeName())) {
                byCode.put(r.codeName(), r);
            }
        }
        List<ItemRule> out = new ArrayList<>();
        for (DataItemView item : published.dataItems()) {
            ItemRule r = byCode.get(item.codeName());
            if (r == null) {
                r = new ItemRule(item.codeName(), item.key(), ItemKind.PLAIN, List.of(), null, null, null);
            }
            if (item.key() && !r.required()) {
                r = new ItemRule(r.codeName(), true, r.kind(), r.allowedValues(), r.pattern(), r.min(), r.max());
            }
            out.add(r);
        }
        return out;
    }

    public void replace(UUID resourceId, List<ItemRule> rules) {
        jdbc.sql("delete from dataset_item_rule where resource_id = ?").param(resourceId).update();
        for (ItemRule r : rules) {
            jdbc.sql("""
                    insert into dataset_item_rule (resource_id, code_name, required, kind, allowed_values, pattern,
                                                   min_value, max_value)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                .params(resourceId, r.codeName(), r.required(), r.kind().name(),
                    r.allowedValues().toArray(new String[0]), r.pattern(), r.min(), r.max())
                .update();
        }
    }

    /** The rules for delete markers: only key items are required, the others are checked only when present. */
    static List<ItemRule> forDeletes(List<ItemRule> rules, List<String> keyItems) {
        List<ItemRule> out = new ArrayList<>(rules.size());
        for (ItemRule r : rules) {
            boolean key = keyItems.contains(r.codeName());
            out.add(new ItemRule(r.codeName(), key, r.kind(), r.allowedValues(), r.pattern(), r.min(), r.max()));
        }
        return out;
    }

}
