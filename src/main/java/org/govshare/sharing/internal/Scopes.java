package org.govshare.sharing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.Sensitivity;
import org.govshare.platform.Violation;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.Purposes;
import org.govshare.sharing.RowFilter;

/** Rules for row scopes, masks and purposes, and the default masks a grant starts from. */
final class Scopes {

    static final int MAX_FILTERS = 10;
    static final int MAX_VALUES = 500;
    static final int MAX_VALUE_LENGTH = 200;

    private Scopes() {
    }

    /**
     * The purposes an application states: those listed, or else its purpose text when it is short
     * enough to be named in a call. Blank lines are skipped and repeats (after normalization) dropped.
     */
    static List<String> statedPurposes(String purpose, List<String> listed, List<Violation> v) {
        List<String> given = listed == null ? List.of() : listed;
        long stated = given.stream().filter(p -> p != null && !p.isBlank()).count();
        if (stated == 0) {
            if (purpose == null || purpose.isBlank()) {
                return List.of();
            }
            if (!Purposes.wellFormed(purpose.strip())) {
                v.add(Violation.of("purposes", "purposes-required", Purposes.MAX_LENGTH));
                return List.of();
            }
            return List.of(purpose.strip());
        }
        if (stated > Purposes.MAX_COUNT) {
            v.add(Violation.of("purposes", "purposes-too-many", Purposes.MAX_COUNT));
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            // the index is the caller's own, blank entries counted, so an error points at the right one
            String p = given.get(i) == null ? "" : given.get(i).strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!Purposes.wellFormed(p)) {
                v.add(Violation.of("purposes[" + i + "]", "call-purpose-invalid", Purposes.MAX_LENGTH));
            } else {
                unique.putIfAbsent(Purposes.normalized(p), p);
            }
        }
        return List.copyOf(unique.values());
    }

    /** A reviewer's or a narrowing's choice of purposes: at least one, each among {@code from}. */
    static List<Violation> checkPurposeSubset(String field, List<String> chosen, List<String> from) {
        List<Violation> v = new ArrayList<>();
        if (chosen.stream().allMatch(p -> p == null || p.isBlank())) {
            v.add(Violation.of(field, "grant-purposes-empty"));
            return v;
        }
        java.util.Set<String> known = from.stream().map(Purposes::normalized).collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < chosen.size(); i++) {
            String p = chosen.get(i);
            if (p != null && !p.isBlank() && !known.contains(Purposes.normalized(p))) {
                v.add(Violation.of(field + "[" + i + "]", "purpose-not-requested", p.strip()));
            }
        }
        return v;
    }

    /** The entries of {@code from} that were chosen, in their own words and order. */
    static List<String> granted(List<String> chosen, List<String> from) {
        java.util.Set<String> keep = chosen.stream().filter(p -> p != null && !p.isBlank()).map(Purposes::normalized)
            .collect(java.util.stream.Collectors.toSet());
        return from.stream().filter(p -> keep.contains(Purposes.normalized(p))).toList();
    }

    static List<Violation> checkFilters(String field, List<RowFilter> filters, List<String> resourceItems) {
        return checkFilters(field, filters, resourceItems, java.util.Set.of());
    }

    /** As above; values on numeric items must be numbers (PREFIX excepted: it compares the digits as text). */
    static List<Violation> checkFilters(String field, List<RowFilter> filters, List<String> resourceItems,
                                        java.util.Set<String> numericItems) {
        List<Violation> v = new ArrayList<>();
        if (filters.size() > MAX_FILTERS) {
            v.add(Violation.of(field, "row-scope-too-many", MAX_FILTERS));
            return v;
        }
        for (int i = 0; i < filters.size(); i++) {
            RowFilter f = filters.get(i);
            String at = field + "[" + i + "]";
            if (f == null || f.item() == null || !resourceItems.contains(f.item())) {
                v.add(Violation.of(at + ".item", "row-scope-item-unknown", f == null ? null : f.item()));
                continue;
            }
            if (f.op() == null) {
                v.add(Violation.of(at + ".op", "row-scope-op-missing"));
                continue;
            }
            int n = f.values().size();
            boolean arity = switch (f.op()) {
                case EQ, PREFIX -> n == 1;
                case IN -> n >= 1 && n <= MAX_VALUES;
                case RANGE -> n == 2;
            };
            if (!arity) {
                v.add(Violation.of(at + ".values", "row-scope-values", f.op()));
                continue;
            }
            for (int k = 0; k < n; k++) {
                String value = f.values().get(k);
                boolean openBound = f.op() == FilterOp.RANGE && (value == null || value.isEmpty());
                if (!openBound && (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH)) {
                    v.add(Violation.of(at + ".values[" + k + "]", "row-scope-value", MAX_VALUE_LENGTH));
                } else if (!openBound && f.op() != FilterOp.PREFIX && numericItems.contains(f.item())
                        && !number(value)) {
                    v.add(Violation.of(at + ".values[" + k + "]", "row-scope-value-number", f.item()));
                }
            }
            if (f.op() == FilterOp.RANGE && blank(f.values().get(0)) && blank(f.values().get(1))) {
                v.add(Violation.of(at + ".values", "row-scope-values", f.op()));
            }
        }
        return v;
    }

    private static boolean number(String value) {
        try {
            new java.math.BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The code names of the items whose values are numbers. */
    static java.util.Set<String> numericItems(List<org.govshare.catalog.DataItemView> items) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (org.govshare.catalog.DataItemView i : items) {
            if (i.dataType() == org.govshare.catalog.DataType.INTEGER || i.dataType() == org.govshare.catalog.DataType.DECIMAL) {
                out.add(i.codeName());
            }
        }
        return out;
    }

    static List<Violation> checkMasks(String field, Map<String, Mask> masks, List<String> grantedItems) {
        List<Violation> v = new ArrayList<>();
        masks.forEach((item, m) -> {
            String at = field + "." + item;
            if (!grantedItems.contains(item)) {
                v.add(Violation.of(at, "mask-item-not-granted", item));
            } else if (m == null || m.type() == null) {
                v.add(Violation.of(at, "mask-type-missing"));
            } else if (m.type().takesLength() ? m.n() == null || m.n() < 1 || m.n() > 64 : m.n() != null) {
                v.add(Violation.of(at, "mask-length", m.type()));
            }
        });
        return v;
    }

    /**
     * What a grant masks unless the reviewer says otherwise: personal (sensitive) values show their
     * last 4 characters, restricted ones only a keyed hash (still joinable); public and internal
     * items are not masked.
     */
    static Map<String, Mask> defaults(List<DataItemView> items, List<String> granted) {
        Map<String, Mask> masks = new LinkedHashMap<>();
        for (DataItemView item : items) {
            if (!granted.contains(item.codeName()) || item.sensitivity() == null) {
                continue;
            }
            if (item.sensitivity() == Sensitivity.SENSITIVE) {
                masks.put(item.codeName(), new Mask(MaskType.SHOW_LAST, 4));
            } else if (item.sensitivity() == Sensitivity.RESTRICTED) {
                masks.put(item.codeName(), Mask.of(MaskType.HASH));
            }
        }
        return masks;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
