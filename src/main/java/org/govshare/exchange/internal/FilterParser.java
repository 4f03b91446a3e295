package org.govshare.exchange.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.RecordCondition;
import org.govshare.exchange.DataServiceManagement.Filters;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ProblemException;
import org.govshare.platform.ResidentId;
import org.govshare.platform.SecretBox;
import org.govshare.platform.ValidationResult;
import org.govshare.sharing.MaskType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns what a client sends (a key, query-string filters, a cursor) into checked conditions.
 * Filters are allowed only on granted items shown unmasked: filtering on a masked item would let a
 * client recover its values by narrowing (a prefix at a time). Every value is checked against its
 * item's type and identifier rules before any SQL exists; values only ever travel as parameters.
 */
@Component
class FilterParser {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_VALUES = 100;
    static final int MAX_VALUE_LENGTH = 512;
    private static final String CURSOR_PREFIX = "c1|";

    private final SecretBox secrets;

    FilterParser(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** The parsed request: conditions from the client's filters (the grant's scope is added by the caller). */
    record Parsed(List<RecordCondition> conditions, String afterKey, int size, java.util.Set<String> personal) {

        /** For the audit: the filters, with values of personal items replaced by their keyed hash. */
        String describe(UnaryOperator<String> hash) {
            if (conditions.isEmpty()) {
                return "no filter";
            }
            List<String> parts = new ArrayList<>();
            for (RecordCondition c : conditions) {
                List<String> values = personal.contains(c.item())
                    ? c.values().stream().map(v -> v.isEmpty() ? v : "#" + hash.apply(v)).toList() : c.values();
                parts.add(c.item() + " " + c.op().name().toLowerCase(Locale.ROOT) + " " + values);
            }
            return "filters " + String.join(" and ", parts);
        }
    }

    static boolean queryable(GrantScope scope, ServedResource.Item item) {
        return scope.grants(item.codeName()) && item.dataType() != DataType.BINARY
            && scope.maskOf(item.codeName()).type() == MaskType.NONE;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** The stored record key for a lookup: one key item, a value valid for it, canonical. */
    String key(ServedResource resource, String key) {
        List<ServedResource.Item> keys = resource.keyItems();
        if (keys.size() != 1) {
            throw bad("key", "composite-key", keys.stream().map(ServedResource.Item::codeName).toList().toString());
        }
        return value(keys.get(0), key, "key");
    }

    /**
     * A value checked and made canonical for its item: identifiers upper-cased and their check
     * digits verified, numbers, dates and booleans parsed; no control characters, bounded length.
     */
    String value(ServedResource.Item item, String raw, String field) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw bad(field, "value-required", item.codeName());
        }
        if (v.length() > MAX_VALUE_LENGTH || hasControl(v)) {
            throw bad(field, "value-invalid", item.codeName(), MAX_VALUE_LENGTH);
        }
        if (item.kind() == ItemKind.RESIDENT_ID) {
            v = v.toUpperCase(Locale.ROOT);
            ValidationResult r = ResidentId.check(v);
            if (!r.valid()) {
                throw bad(field, "resident-id-invalid", item.codeName(), r.rule());
            }
        } else if (item.kind() == ItemKind.CREDIT_CODE) {
            v = v.toUpperCase(Locale.ROOT);
            ValidationResult r = CreditCode.check(v);
            if (!r.valid()) {
                throw bad(field, "credit-code-invalid", item.codeName(), r.rule());
            }
        }
        return typed(item, v, field);
    }

    private String typed(ServedResource.Item item, String v, String field) {
        try {
            switch (item.dataType()) {
                case INTEGER, DECIMAL -> {
                    return new BigDecimal(v).toPlainString();
                }
                case DATE -> {
                    return LocalDate.parse(v).toString();
                }
                case DATETIME -> {
                    LocalDateTime.parse(v);
                    return v;
                }
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException(v);
                    }
                    return v;
                }
                default -> {
                    return v;
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // NumberFormatException is an IllegalArgumentException
            throw bad(field, "value-type", item.codeName(), item.dataType().name());
        }
    }

    /** Filters, page size and cursor from the query string. */
    Parsed parse(GrantScope scope, Filters filters, boolean paged, UUID client) {
        int size = DEFAULT_SIZE;
        String afterKey = null;
        Map<String, String[]> ranges = new LinkedHashMap<>();
        List<RecordCondition> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : filters.parameters().entrySet()) {
            String name = e.getKey();
            List<String> given = e.getValue() == null ? List.of() : e.getValue();
            if (given.size() > 1) {
                throw bad(name, "filter-repeated", name);
            }
            String raw = given.isEmpty() ? "" : given.get(0);
            if (paged && name.equals("size")) {
                size = size(raw);
                continue;
            }
            if (paged && name.equals("cursor")) {
                afterKey = raw.isBlank() ? null : openCursor(raw, client, scope.resource().id());
                continue;
            }
            int dot = name.lastIndexOf('.');
            String itemName = dot < 0 ? name : name.substring(0, dot);
            String op = dot < 0 ? "eq" : name.substring(dot + 1);
            ServedResource.Item item = item(scope, itemName, name);
            switch (op) {
                case "eq" -> conditions.add(new RecordCondition(item.codeName(), RecordCondition.Op.EQ,
                    List.of(value(item, raw, name)), item.numeric()));
                case "in" -> conditions.add(new RecordCondition(item.codeName(), RecordCondition.Op.IN,
                    inValues(item, raw, name), item.numeric()));
                case "prefix" -> conditions.add(prefix(item, raw, name));
                case "from", "to" -> {
                    String[] bounds = ranges.computeIfAbsent(item.codeName(), k -> new String[] {"", ""});
                    bounds[op.equals("from") ? 0 : 1] = rangeValue(item, raw, name);
                }
                default -> throw bad(name, "filter-op-unknown", op);
            }
        }
        ranges.forEach((item, bounds) -> conditions.add(new RecordCondition(item, RecordCondition.Op.RANGE,
            List.of(bounds), scope.resource().item(item).orElseThrow().numeric())));
        java.util.Set<String> personal = new java.util.HashSet<>();
        for (RecordCondition c : conditions) {
            Sensitivity s = scope.resource().item(c.item()).orElseThrow().sensitivity();
            if (s == Sensitivity.SENSITIVE || s == Sensitivity.RESTRICTED) {
                personal.add(c.item());
            }
        }
        return new Parsed(List.copyOf(conditions), afterKey, size, java.util.Set.copyOf(personal));
    }

    private ServedResource.Item item(GrantScope scope, String itemName, String field) {
        ServedResource.Item item = scope.resource().item(itemName)
            .orElseThrow(() -> bad(field, "filter-item-unknown", itemName));
        if (!scope.grants(item.codeName())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "filter-item-not-granted", field,
                "problem.filter-item-not-granted", item.codeName());
        }
        if (!queryable(scope, item)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "filter-item-masked", field,
                "problem.filter-item-masked", item.codeName());
        }
        return item;
    }

    private List<String> inValues(ServedResource.Item item, String raw, String field) {
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_VALUES) {
            throw bad(field, "filter-too-many-values", MAX_VALUES);
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(value(item, p, field));
        }
        return out;
    }

    private RecordCondition prefix(ServedResource.Item item, String raw, String field) {
        if (item.numeric() || item.dataType() == DataType.BOOLEAN) {
            throw bad(field, "filter-op-type", "prefix", item.dataType().name());
        }
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH || hasControl(v)) {
            throw bad(field, "value-invalid", item.codeName(), MAX_VALUE_LENGTH);
        }
        if (item.kind() != ItemKind.PLAIN) {
            v = v.toUpperCase(Locale.ROOT);
        }
        return new RecordCondition(item.codeName(), RecordCondition.Op.PREFIX, List.of(v), false);
    }

    private String rangeValue(ServedResource.Item item, String raw, String field) {
        if (item.dataType() == DataType.BOOLEAN || item.sensitivity() == Sensitivity.RESTRICTED) {
            throw bad(field, "filter-op-type", "range", item.dataType().name());
        }
        String v = raw == null ? "" : raw.strip();
        if (v.length() > MAX_VALUE_LENGTH || hasControl(v)) {
            throw bad(field, "value-invalid", item.codeName(), MAX_VALUE_LENGTH);
        }
        return item.kind() == ItemKind.PLAIN ? typed(item, v, field) : v.toUpperCase(Locale.ROOT);
    }

    private static int size(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("size", "page-size-invalid", MAX_SIZE);
    }

    /** An opaque cursor: the last key sealed with the client and resource, so it reveals nothing and works nowhere else. */
    String cursor(UUID client, UUID resource, String lastKey) {
        String sealed = secrets.seal(CURSOR_PREFIX + client + "|" + resource + "|" + lastKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
    }

    private String openCursor(String raw, UUID client, UUID resource) {
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
            String plain = secrets.open(sealed);
            String expected = CURSOR_PREFIX + client + "|" + resource + "|";
            if (plain.startsWith(expected)) {
                return plain.substring(expected.length());
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw bad("cursor", "cursor-invalid");
    }

    static ProblemException bad(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, field, "problem." + code, args);
    }
}
