package org.govshare.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.govshare.catalog.Classification;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ShareType;
import org.govshare.platform.Violation;

/**
 * The rules of a catalog entry that tie fields together (the national sharing rules and GB/T
 * 21063), checked all at once so the provider sees every problem in one round. Field paths are
 * those of the JSON API and the Excel import.
 */
final class ResourceRules {

    /** Basic resources whose items are always shared unconditionally: population, legal entities,
     *  natural resources and spatial geography, electronic licences. */
    private static final Set<String> ALWAYS_UNCONDITIONAL = Set.of("101", "102", "103", "105");

    static final int MAX_ITEMS = 500;

    private ResourceRules() {
    }

    static List<Violation> check(ResourceDraft d, Classifications classifications, Predicate<String> codeExists,
                                 Predicate<UUID> organizationExists, String ownCode) {
        List<Violation> v = new ArrayList<>();
        required(v, d.classificationCode(), "classificationCode");
        required(v, d.name(), "name");
        max(v, d.name(), 100, "name");
        max(v, d.summary(), 2000, "summary");
        max(v, d.shareCondition(), 1000, "shareCondition");
        max(v, d.openCondition(), 1000, "openCondition");
        max(v, d.legalBasis(), 2000, "legalBasis");
        max(v, d.keywords(), 500, "keywords");
        required(v, d.format(), "format");
        required(v, d.shareType(), "shareType");
        required(v, d.openType(), "openType");
        required(v, d.updateCycle(), "updateCycle");
        Classification c = d.classificationCode() == null ? null : classifications.find(d.classificationCode()).orElse(null);
        if (d.classificationCode() != null && !d.classificationCode().isBlank()) {
            if (c == null) {
                v.add(Violation.of("classificationCode", "classification-unknown", d.classificationCode()));
            } else if (c.level() < 2) {
                v.add(Violation.of("classificationCode", "classification-too-general", c.code()));
            }
        }
        boolean alwaysUnconditional = c != null && ALWAYS_UNCONDITIONAL.stream().anyMatch(p -> c.code().startsWith(p));
        ShareType share = d.shareType();
        if (share == ShareType.CONDITIONAL && blank(d.shareCondition())) {
            v.add(Violation.of("shareCondition", "share-condition-required"));
        }
        if (share == ShareType.NOT_SHARED && blank(d.legalBasis())) {
            v.add(Violation.of("legalBasis", "legal-basis-required"));
        }
        if (share != null && share != ShareType.UNCONDITIONAL && alwaysUnconditional) {
            v.add(Violation.of("shareType", "basic-must-be-unconditional", c.name()));
        }
        if (d.openType() == OpenType.CONDITIONAL && blank(d.openCondition())) {
            v.add(Violation.of("openCondition", "open-condition-required"));
        }
        if (share == ShareType.NOT_SHARED && d.openType() == OpenType.OPEN) {
            v.add(Violation.of("openType", "open-but-not-shared"));
        }
        for (int i = 0; i < d.relatedResourceCodes().size(); i++) {
            String code = d.relatedResourceCodes().get(i);
            if (code.equals(ownCode) || !codeExists.test(code)) {
                v.add(Violation.of("relatedResourceCodes[" + i + "]", "related-unknown", code));
            }
        }
        if (d.dataItems() == null || d.dataItems().isEmpty()) {
            v.add(Violation.of("dataItems", "data-items-required"));
        } else if (d.dataItems().size() > MAX_ITEMS) {
            v.add(Violation.of("dataItems", "too-many-items", MAX_ITEMS));
        } else {
            items(v, d, alwaysUnconditional, organizationExists);
        }
        return v;
    }

    private static void items(List<Violation> v, ResourceDraft d, boolean alwaysUnconditional,
                              Predicate<UUID> organizationExists) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.dataItems().size(); i++) {
            DataItemDraft item = d.dataItems().get(i);
            String at = "dataItems[" + i + "].";
            if (item == null) {
                v.add(Violation.of("dataItems[" + i + "]", "required"));
                continue;
            }
            required(v, item.name(), at + "name");
            required(v, item.codeName(), at + "codeName");
            if (item.codeName() != null && !item.codeName().isBlank()) {
                if (!item.codeName().trim().matches("[a-z][a-z0-9_]{0,63}")) {
                    v.add(Violation.of(at + "codeName", "code-name-format", item.codeName()));
                }
                if (!codes.add(item.codeName().trim())) {
                    v.add(Violation.of(at + "codeName", "item-code-duplicate", item.codeName()));
                }
            }
            if (item.name() != null && !item.name().isBlank() && !names.add(item.name().trim())) {
                v.add(Violation.of(at + "name", "item-name-duplicate", item.name()));
            }
            if (item.dataType() == null) {
                v.add(Violation.of(at + "dataType", "item-type-required"));
            } else if (item.dataType().needsLength() && (item.length() == null || item.length() < 1)) {
                v.add(Violation.of(at + "length", "item-length-required", item.dataType()));
            }
            ShareType itemShare = item.shareType() == null ? d.shareType() : item.shareType();
            if (itemShare != null && d.shareType() != null && d.shareType().stricterThan(itemShare)) {
                v.add(Violation.of(at + "shareType", "item-looser-than-resource", itemShare, d.shareType()));
            }
            if (itemShare != null && itemShare != ShareType.UNCONDITIONAL && alwaysUnconditional) {
                v.add(Violation.of(at + "shareType", "basic-must-be-unconditional", item.name()));
            }
            // an item that only inherits the resource's share type is covered by the resource's own check
            boolean ownShareType = item.shareType() != null && item.shareType() != d.shareType();
            if (ownShareType && itemShare == ShareType.CONDITIONAL && blank(item.shareCondition())) {
                v.add(Violation.of(at + "shareCondition", "share-condition-required"));
            }
            if (ownShareType && itemShare == ShareType.NOT_SHARED && blank(item.legalBasis())) {
                v.add(Violation.of(at + "legalBasis", "legal-basis-required"));
            }
            max(v, item.name(), 100, at + "name");
            max(v, item.description(), 1000, at + "description");
            max(v, item.shareCondition(), 1000, at + "shareCondition");
            max(v, item.legalBasis(), 2000, at + "legalBasis");
            max(v, item.standardName(), 100, at + "standardName");
            if (item.length() != null && item.length() < 1) {
                v.add(Violation.of(at + "length", "positive", item.length()));
            }
            if (item.authoritativeSourceId() != null && !organizationExists.test(item.authoritativeSourceId())) {
                v.add(Violation.of(at + "authoritativeSourceId", "organization-unknown"));
            }
        }
    }

    private static void required(List<Violation> v, Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            v.add(Violation.of(field, "required", field));
        }
    }

    private static void max(List<Violation> v, String value, int max, String field) {
        if (value != null && value.trim().length() > max) {
            v.add(Violation.of(field, "too-long", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
