package org.govshare.catalog;

import java.util.Set;
import java.util.UUID;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * What a catalog search asks for. Filters of one facet are alternatives (OR), different facets
 * all apply (AND). {@code classifications} are codes at any level of the tree and include
 * everything below them. Limits are checked here so every caller gets the same 400 answers.
 */
public record SearchQuery(String text, Set<UUID> providers, Set<String> classifications, Set<ShareType> shareTypes,
                          Set<OpenType> openTypes, Set<UpdateCycle> updateCycles, Set<ResourceFormat> formats,
                          Sort sort, Mode mode, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 200;
    /** Deepest result reachable by paging (page * size + size). */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort {
        RELEVANCE, UPDATED, NAME
    }

    public enum Mode {
        RESOURCES, DATA_ITEMS
    }

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        providers = providers == null ? Set.of() : Set.copyOf(providers);
        classifications = classifications == null ? Set.of() : Set.copyOf(classifications);
        shareTypes = shareTypes == null ? Set.of() : Set.copyOf(shareTypes);
        openTypes = openTypes == null ? Set.of() : Set.copyOf(openTypes);
        updateCycles = updateCycles == null ? Set.of() : Set.copyOf(updateCycles);
        formats = formats == null ? Set.of() : Set.copyOf(formats);
        sort = sort == null ? Sort.RELEVANCE : sort;
        mode = mode == null ? Mode.RESOURCES : mode;
        if (text != null && text.length() > MAX_TEXT) {
            throw bad("q", "search-text-too-long", MAX_TEXT);
        }
        if (page < 0) {
            throw bad("page", "page-range", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw bad("size", "size-range", MAX_SIZE);
        }
        if ((long) page * size + size > MAX_WINDOW) {
            throw bad("page", "search-window", MAX_WINDOW);
        }
        for (String c : classifications) {
            if (c == null || !c.matches("[0-9]{1,20}")) {
                throw bad("classification", "invalid-value", "classification", c, "1, 303, 303001 ...");
            }
        }
    }

    /** Keywords only, first page of 20 by relevance. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, 0, 20);
    }

    public SearchQuery withMode(Mode m) {
        return new SearchQuery(text, providers, classifications, shareTypes, openTypes, updateCycles, formats, sort, m,
            page, size);
    }

    public boolean filtered() {
        return !providers.isEmpty() || !classifications.isEmpty() || !shareTypes.isEmpty() || !openTypes.isEmpty()
            || !updateCycles.isEmpty() || !formats.isEmpty();
    }

    private static ProblemException bad(String field, String code, Object... args) {
        String key = code.startsWith("search-") ? "search.problem." + code : "problem." + code;
        return new ProblemException(HttpStatus.BAD_REQUEST, code, field, key, args);
    }
}
