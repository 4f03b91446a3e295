package org.govshare.catalog.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.SearchQuery;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The search request parameters as the API and the console page take them: each facet may be
 * repeated or comma-separated, enum names in any case. A value that is not allowed is a 400
 * naming the parameter and the allowed values.
 */
record SearchParams(String q, List<String> provider, List<String> classification, List<String> shareType,
                    List<String> openType, List<String> updateCycle, List<String> format, String sort, String mode,
                    Integer page, Integer size) {

    static final int DEFAULT_SIZE = 20;

    SearchQuery toQuery() {
        return new SearchQuery(q,
            parse(provider, "provider", SearchParams::uuid, "UUID"),
            parse(classification, "classification", String::trim, "1, 303, 303001 ..."),
            enums(shareType, "shareType", ShareType.class),
            enums(openType, "openType", OpenType.class),
            enums(updateCycle, "updateCycle", UpdateCycle.class),
            enums(format, "format", ResourceFormat.class),
            one(sort, "sort", SearchQuery.Sort.class),
            mode(mode),
            page == null ? 0 : page,
            size == null ? DEFAULT_SIZE : size);
    }

    private static SearchQuery.Mode mode(String raw) {
        if (raw != null && raw.trim().equalsIgnoreCase("items")) {
            return SearchQuery.Mode.DATA_ITEMS;
        }
        return one(raw, "mode", SearchQuery.Mode.class);
    }

    private static <E extends Enum<E>> E one(String raw, String field, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return value(raw.trim(), field, type);
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> raw, String field, Class<E> type) {
        return parse(raw, field, v -> value(v, field, type), null);
    }

    private static <E extends Enum<E>> E value(String v, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(field, v, String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static <T> Set<T> parse(List<String> raw, String field, Function<String, T> f, String allowed) {
        Set<T> out = new LinkedHashSet<>();
        if (raw == null) {
            return out;
        }
        for (String entry : raw) {
            if (entry == null) {
                continue;
            }
            for (String v : entry.split(",")) {
                if (v.isBlank()) {
                    continue;
                }
                try {
                    out.add(f.apply(v.trim()));
                } catch (IllegalArgumentException e) {
                    throw invalid(field, v.trim(), allowed);
                }
            }
        }
        return out;
    }

    private static UUID uuid(String v) {
        return UUID.fromString(v);
    }

    private static ProblemException invalid(String field, String value, String allowed) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", field, "problem.invalid-value", field, value,
            allowed == null ? "" : allowed);
    }
}
