package org.govshare.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govshare.catalog.Sensitivity;
import org.govshare.dataset.RecordCondition;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.Purposes;
import org.govshare.sharing.RowFilter;
import tools.jackson.core.JsonGenerator;

/**
 * A grant compiled once for the hot path: the granted items in catalog order with the mask each is
 * shown through, and the row scope both as SQL conditions (for queries and exports) and as a check
 * on a fetched record (for lookups, and again after every query as a second line). A granted item
 * without a mask of its own gets its sensitivity's default: nothing sensitive ever goes out plain
 * by omission.
 */
final class GrantScope {

    private final GrantView grant;
    private final ServedResource resource;
    private final List<ServedResource.Item> items;
    private final Mask[] masks;
    private final List<RowFilter> rowScope;
    /** Whether each row filter's item holds numbers, worked out once rather than per record read. */
    private final boolean[] numericScope;
    private final Map<String, ServedResource.Item> granted = new HashMap<>();
    /** The approved purposes as written, and in the form calls are compared in. */
    private final Set<String> purposesAsWritten;
    private final Set<String> purposes;

    GrantScope(GrantView grant, ServedResource resource) {
        this.grant = grant;
        this.resource = resource;
        List<ServedResource.Item> in = new ArrayList<>();
        for (ServedResource.Item item : resource.items()) {
            if (grant.items().contains(item.codeName())) {
                in.add(item);
                granted.put(item.codeName(), item);
            }
        }
        this.items = List.copyOf(in);
        this.masks = new Mask[items.size()];
        for (int i = 0; i < items.size(); i++) {
            masks[i] = effectiveMask(grant.masks().get(items.get(i).codeName()), items.get(i).sensitivity());
        }
        this.purposesAsWritten = Set.copyOf(grant.purposes());
        this.purposes = grant.purposes().stream().map(Purposes::normalized).collect(Collectors.toUnmodifiableSet());
        this.rowScope = grant.rowScope();
        this.numericScope = new boolean[rowScope.size()];
        for (int i = 0; i < rowScope.size(); i++) {
            numericScope[i] = resource.item(rowScope.get(i).item()).map(ServedResource.Item::numeric).orElse(false);
        }
    }

    static Mask effectiveMask(Mask mask, Sensitivity sensitivity) {
        if (mask != null) {
            return mask;
        }
        if (sensitivity == Sensitivity.RESTRICTED) {
            return Mask.of(MaskType.HASH);
        }
        if (sensitivity == Sensitivity.SENSITIVE) {
            return new Mask(MaskType.SHOW_LAST, 4);
        }
        return Mask.of(MaskType.NONE);
    }

    UUID grantId() {
        return grant.id();
    }

    String grantNumber() {
        return grant.number();
    }

    GrantView grant() {
        return grant;
    }

    ServedResource resource() {
        return resource;
    }

    int dailyQuota() {
        return grant.dailyQuota();
    }

    boolean validOn(LocalDate day) {
        return !day.isBefore(grant.validFrom()) && !day.isAfter(grant.validUntil());
    }

    List<ServedResource.Item> items() {
        return items;
    }

    /** Whether a call may name this purpose: one the grant was approved for, as {@link Purposes} compares. */
    boolean permits(String purpose) {
        // most clients send the approved text as it is: no normalization on the hot path then
        return purposesAsWritten.contains(purpose) || purposes.contains(Purposes.normalized(purpose));
    }

    boolean grants(String codeName) {
        return granted.containsKey(codeName);
    }

    Mask maskOf(String codeName) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).codeName().equals(codeName)) {
                return masks[i];
            }
        }
        return null;
    }

    /**
     * The row scope as conditions the database applies. A PREFIX is on the value's text whatever the
     * item's type (sharing allows it on numbers, e.g. a code stored as an INTEGER), as in
     * {@link #inScope}; only comparisons are numeric.
     */
    List<RecordCondition> scopeConditions() {
        List<RecordCondition> out = new ArrayList<>();
        for (RowFilter f : rowScope) {
            boolean numeric = f.op() != FilterOp.PREFIX
                && resource.item(f.item()).map(ServedResource.Item::numeric).orElse(false);
            if (numeric && !Conditions.readable(null, f.values())) {
                // sharing does not check a scope's values against the item's type: a numeric filter
                // with a value that is not a number selects nothing, as the JVM check reads it
                out.add(new RecordCondition(f.item(), RecordCondition.Op.RANGE, List.of("1", "0"), true));
                continue;
            }
            out.add(new RecordCondition(f.item(), RecordCondition.Op.valueOf(f.op().name()), f.values(), numeric));
        }
        return out;
    }

    /** Whether the record lies inside the row scope: every filter holds (a missing value holds none). */
    boolean inScope(RecordFields record) {
        for (int i = 0; i < rowScope.size(); i++) {
            RowFilter f = rowScope.get(i);
            if (!Conditions.holds(f.op().name(), f.values(), record.text(f.item()), numericScope[i])) {
                return false;
            }
        }
        return true;
    }

    /** Writes the record as its consumer may see it: granted items only, each through its mask. */
    void write(JsonGenerator out, RecordFields record, Masking masking) {
        out.writeStartObject();
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i).codeName();
            String text = record.text(name);
            if (text == null) {
                continue;
            }
            out.writeName(name);
            if (masks[i].type() == MaskType.NONE) {
                switch (record.kind(name)) {
                    case NUMBER -> out.writeNumber(text);
                    case BOOLEAN -> out.writeBoolean(Boolean.parseBoolean(text));
                    default -> out.writeString(text);
                }
            } else {
                String shown = masking.apply(masks[i], text);
                if (shown == null) {
                    out.writeNull();
                } else {
                    out.writeString(shown);
                }
            }
        }
        out.writeEndObject();
    }

    /** The masked value of one item as text (CSV export); null when absent or nullified. */
    String shown(int index, RecordFields record, Masking masking) {
        String text = record.text(items.get(index).codeName());
        return text == null ? null : masking.apply(masks[index], text);
    }
}
