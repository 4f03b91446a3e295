package org.govshare.catalog.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.govshare.catalog.CatalogSearch;
import org.govshare.catalog.Classification;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.SearchIndexStatus;
import org.govshare.catalog.SearchQuery;
import org.govshare.catalog.SearchResult;
import org.govshare.catalog.SearchResult.FacetCount;
import org.govshare.catalog.SearchResult.ItemHit;
import org.govshare.catalog.SearchResult.ResourceHit;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.catalog.internal.CatalogAccess;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers catalog searches from this node's index. Each keyword must be a substring of some
 * field (a bigram phrase) or the code; names made of its smartcn words rank higher. Visibility
 * is part of the query, so totals and facet counts never include what the caller may not see.
 */
@Service
class CatalogSearchService implements CatalogSearch {

    private static final int MAX_KEYWORDS = 10;
    /** Beyond this many item names containing a keyword, its postings are no cheaper than the phrase. */
    private static final int MAX_ITEM_NAMES = 512;
    private static final int MAX_ITEMS_SHOWN = 5;
    private static final int SUMMARY_LENGTH = 120;

    private static final Map<String, Float> RESOURCE_FIELDS = fields(SearchDocuments.NAME, 6f, SearchDocuments.ALL, 1.5f);
    private static final Map<String, Float> ITEM_FIELDS = fields(SearchDocuments.ITEM_NAME, 6f,
        SearchDocuments.ITEM_STANDARD, 4f);

    private final IndexMaintainer index;
    private final SearchTurns turns;
    private final SearchDocuments documents;
    private final CatalogNames names;
    private final CatalogAccess access;
    private final Analyzer smartcn = Analyzers.smartcn();
    private final Analyzer bigram = Analyzers.bigram();

    CatalogSearchService(IndexMaintainer index, SearchDocuments documents, CatalogNames names, CatalogAccess access,
                         SearchProperties props) {
        this.turns = new SearchTurns(props.concurrency() > 0 ? props.concurrency()
            : Runtime.getRuntime().availableProcessors(), props.queueTimeout());
        this.index = index;
        this.documents = documents;
        this.names = names;
        this.access = access;
    }

    @Override
    public SearchIndexStatus status() {
        CurrentActor.require();
        return index.status();
    }

    @Override
    public SearchIndexStatus rebuild() {
        if (!CurrentActor.require().isPlatformAdmin()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        return index.rebuild();
    }

    @Override
    public SearchResult search(SearchQuery q) {
        long t0 = System.nanoTime();
        Actor actor = CurrentActor.require();
        List<Query> hidden = hidden(actor, access.isAuthority(actor));
        return turns.run(() -> searchNow(q, hidden, t0));
    }

    private SearchResult searchNow(SearchQuery q, List<Query> hidden, long t0) {
        for (int attempt = 0; ; attempt++) {
            IndexGeneration g = index.current();
            if (g == null) {
                SearchIndexStatus s = index.status();
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "search-indexing", null,
                    "search.problem.search-indexing", s.progress());
            }
            try {
                IndexGeneration.Searcher searcher = g.acquire();
                try {
                    return run(searcher, q, hidden, t0);
                } finally {
                    g.release(searcher);
                }
            } catch (AlreadyClosedException swappedAway) {
                if (attempt > 2) {
                    throw swappedAway;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- the query

    private SearchResult run(IndexGeneration.Searcher searcher, SearchQuery q, List<Query> hidden, long t0)
            throws IOException {
        boolean items = q.mode() == SearchQuery.Mode.DATA_ITEMS;
        Query text = text(q.text(), items ? searcher.items : null);
        BooleanQuery.Builder base = new BooleanQuery.Builder();
        if (text == null) {
            base.add(new TermQuery(new Term(SearchDocuments.TYPE,
                items ? SearchDocuments.TYPE_ITEM : SearchDocuments.TYPE_RESOURCE)), Occur.FILTER);
        } else {
            base.add(text, Occur.MUST); // its fields exist in one kind of document only
        }
        hidden.forEach(h -> base.add(h, Occur.MUST_NOT));
        Map<String, Set<String>> selected = selected(q);
        int[] sizes = searcher.facets.sizes();
        int topN = (q.page() + 1) * q.size();
        Sort sort = sort(q, text != null);
        boolean[][] allowed = allowed(searcher.facets, selected, sizes);
        Query match = base.build();
        FacetedCollector collector;
        ScoreDoc[] all;
        if (sort == null) {
            // relevance: count every match without scoring it, then rank the hits in a second pass
            // whose scorer may skip what cannot reach the page (block-max WAND)
            collector = new FacetedCollector(searcher, null, allowed, sizes);
            searcher.search(match, collector);
            TopDocsCollector<?> ranked = new TopScoreDocCollectorManager(topN, null, topN, false).newCollector();
            searcher.search(match, FacetedCollector.pageOnly(searcher, ranked, allowed));
            all = ranked.topDocs().scoreDocs;
        } else {
            // no early termination: every match must be seen to count the facets
            TopDocsCollector<?> page = new TopFieldCollectorManager(sort, topN, null, Integer.MAX_VALUE, false).newCollector();
            collector = new FacetedCollector(searcher, page, allowed, sizes);
            searcher.search(match, collector);
            all = collector.topDocs().scoreDocs;
        }

        long total = collector.hits();
        int from = Math.min(all.length, q.page() * q.size());
        int[] docIds = new int[all.length - from];
        for (int i = from; i < all.length; i++) {
            docIds[i - from] = all[i].doc;
        }
        Map<String, List<FacetCount>> facets = facets(searcher.facets, collector, selected);
        Highlights marks = new Highlights(keywords(q.text()));
        if (items) {
            return new SearchResult(q.mode(), total, q.page(), q.size(), List.of(), itemHits(searcher, docIds, marks),
                facets, millis(t0));
        }
        return new SearchResult(q.mode(), total, q.page(), q.size(), resourceHits(searcher, docIds, marks), List.of(),
            facets, millis(t0));
    }

    /** Every keyword must match (see {@link #keyword}). */
    Query text(String text, ItemVocabulary items) {
        List<String> keywords = keywords(text);
        if (keywords.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String k : keywords) {
            all.add(items == null ? keyword(k, false) : itemKeyword(k, items), Occur.MUST);
        }
        return all.build();
    }

    private static List<String> keywords(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : text.split("[\\s\\u3000]+")) {
            if (!k.isBlank() && out.size() < MAX_KEYWORDS) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A keyword matches where it is a substring (the bigram phrase) of a field, or is the code; the
     * smartcn words only rank: a name made of the keyword's words scores higher. Counting facets
     * and hits needs no scores, so it then evaluates the substring clauses alone.
     */
    private Query keyword(String k, boolean items) {
        List<String> words = Analyzers.terms(smartcn, SearchDocuments.NAME, k);
        List<Analyzers.Positioned> grams = Analyzers.substringTerms(bigram, SearchDocuments.NAME + Analyzers.BIGRAM, k);
        Map<String, Float> fields = items ? ITEM_FIELDS : RESOURCE_FIELDS;
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        BooleanQuery.Builder rank = new BooleanQuery.Builder();
        boolean ranked = false;
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            if (!grams.isEmpty()) {
                match.add(new BoostQuery(phrase(f.getKey() + Analyzers.BIGRAM, grams), f.getValue() * 0.6f), Occur.SHOULD);
            }
            if (!words.isEmpty() && !f.getKey().equals(SearchDocuments.ALL)) {
                Query w = new BoostQuery(allOf(f.getKey(), words), f.getValue());
                (grams.isEmpty() ? match : rank).add(w, Occur.SHOULD);
                ranked |= !grams.isEmpty();
            }
        }
        if (items) {
            match.add(new BoostQuery(new TermQuery(new Term(SearchDocuments.ITEM_CODE, k.toLowerCase(Locale.ROOT))), 10f),
                Occur.SHOULD);
        } else {
            match.add(new BoostQuery(new TermQuery(new Term(SearchDocuments.CODE, k)), 20f), Occur.SHOULD);
        }
        if (!ranked) {
            return match.build();
        }
        return new BooleanQuery.Builder().add(match.build(), Occur.MUST).add(rank.build(), Occur.SHOULD).build();
    }

    /**
     * A data-item keyword matches the items whose name (or standard name) contains it, found in the
     * vocabulary and read as plain postings; a keyword in too many names falls back to the phrase.
     * The item named exactly so ranks first.
     */
    private Query itemKeyword(String k, ItemVocabulary vocabulary) {
        String folded = Highlights.fold(k);
        List<String> names = vocabulary.containing(folded, MAX_ITEM_NAMES);
        if (names == null) {
            return keyword(k, true);
        }
        List<BytesRef> terms = names.stream().map(BytesRef::new).toList();
        BooleanQuery.Builder match = new BooleanQuery.Builder()
            .add(new ConstantScoreQuery(new TermInSetQuery(SearchDocuments.ITEM_TERM, terms)), Occur.SHOULD)
            .add(new BoostQuery(new TermQuery(new Term(SearchDocuments.ITEM_CODE, k.toLowerCase(Locale.ROOT))), 10f),
                Occur.SHOULD);
        BooleanQuery.Builder rank = new BooleanQuery.Builder()
            .add(new BoostQuery(new TermQuery(new Term(SearchDocuments.ITEM_TERM, folded)), 8f), Occur.SHOULD);
        List<String> words = Analyzers.terms(smartcn, SearchDocuments.NAME, k);
        if (!words.isEmpty()) {
            ITEM_FIELDS.forEach((field, boost) -> rank.add(new BoostQuery(allOf(field, words), boost), Occur.SHOULD));
        }
        return new BooleanQuery.Builder().add(match.build(), Occur.MUST).add(rank.build(), Occur.SHOULD).build();
    }

    private static Query phrase(String field, List<Analyzers.Positioned> grams) {
        if (grams.size() == 1) {
            return new TermQuery(new Term(field, grams.get(0).term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int first = grams.get(0).position();
        for (Analyzers.Positioned g : grams) {
            b.add(new Term(field, g.term()), g.position() - first);
        }
        return b.build();
    }

    private static Query allOf(String field, List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.get(0)));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) {
            b.add(new TermQuery(new Term(field, w)), Occur.MUST);
        }
        return b.build();
    }

    /**
     * What the caller may not see, as exclusions (few documents each) rather than a filter of what
     * they may see (nearly all documents, which a conjunction would have to step through): working
     * copies of other providers, and the published version of a resource whose working copy the
     * caller sees instead (its own provider's pending changes; for the authority, all of them).
     */
    static List<Query> hidden(Actor actor, boolean authority) {
        Query own = new TermQuery(new Term(SearchDocuments.VIS, SearchDocuments.VIS_OWN));
        Query shadowed = new TermQuery(new Term(SearchDocuments.SHADOWED, "1"));
        if (authority) {
            return List.of(shadowed);
        }
        if (actor.organizationId() == null || actor.isClient()) {
            return List.of(own);
        }
        Query mine = new TermQuery(new Term(SearchDocuments.PROVIDER, actor.organizationId().toString()));
        return List.of(
            new BooleanQuery.Builder().add(own, Occur.FILTER).add(mine, Occur.MUST_NOT).build(),
            new BooleanQuery.Builder().add(shadowed, Occur.FILTER).add(mine, Occur.FILTER).build());
    }

    private static Sort sort(SearchQuery q, boolean hasText) {
        SearchQuery.Sort s = q.sort() == SearchQuery.Sort.RELEVANCE && !hasText ? SearchQuery.Sort.UPDATED : q.sort();
        return switch (s) {
            case RELEVANCE -> null;
            case UPDATED -> new Sort(new SortField(SearchDocuments.SORT_UPDATED, SortField.Type.LONG, true),
                new SortField(SearchDocuments.SORT_NAME, SortField.Type.STRING));
            case NAME -> new Sort(new SortField(SearchDocuments.SORT_NAME, SortField.Type.STRING),
                new SortField(SearchDocuments.SORT_UPDATED, SortField.Type.LONG, true));
        };
    }

    private static Map<String, Set<String>> selected(SearchQuery q) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        put(m, SearchDocuments.DIM_PROVIDER, q.providers().stream().map(UUID::toString).toList());
        put(m, SearchDocuments.DIM_CLASSIFICATION, q.classifications());
        put(m, SearchDocuments.DIM_SHARE, q.shareTypes().stream().map(Enum::name).toList());
        put(m, SearchDocuments.DIM_OPEN, q.openTypes().stream().map(Enum::name).toList());
        put(m, SearchDocuments.DIM_CYCLE, q.updateCycles().stream().map(Enum::name).toList());
        put(m, SearchDocuments.DIM_FORMAT, q.formats().stream().map(Enum::name).toList());
        return m;
    }

    private static void put(Map<String, Set<String>> m, String dim, Collection<String> values) {
        if (!values.isEmpty()) {
            m.put(dim, new java.util.TreeSet<>(values));
        }
    }

    // ---- facets

    /** Per dimension, which value ids pass its filter (a classification also admits its descendants). */
    private boolean[][] allowed(FacetOrdinals dictionary, Map<String, Set<String>> selected, int[] sizes) {
        boolean[][] allowed = new boolean[SearchDocuments.DIMS.size()][];
        for (int d = 0; d < allowed.length; d++) {
            String dim = SearchDocuments.DIMS.get(d);
            Set<String> values = selected.get(dim);
            if (values == null) {
                continue;
            }
            boolean[] ok = new boolean[sizes[d] + 1];
            for (String v : values) {
                for (String code : dim.equals(SearchDocuments.DIM_CLASSIFICATION) ? names.subtree(v) : List.of(v)) {
                    int id = dictionary.id(d, code);
                    if (id >= 0 && id < sizes[d]) {
                        ok[id + 1] = true;
                    }
                }
            }
            allowed[d] = ok;
        }
        return allowed;
    }

    private Map<String, List<FacetCount>> facets(FacetOrdinals dictionary, FacetedCollector collector,
                                                 Map<String, Set<String>> selected) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        for (int d = 0; d < SearchDocuments.DIMS.size(); d++) {
            String dim = SearchDocuments.DIMS.get(d);
            Set<String> chosen = selected.getOrDefault(dim, Set.of());
            Map<String, Long> values = new LinkedHashMap<>();
            for (int id = 0; id < collector.values(d); id++) {
                long n = collector.count(d, id);
                if (n == 0) {
                    continue;
                }
                String value = dictionary.value(d, id);
                if (dim.equals(SearchDocuments.DIM_CLASSIFICATION)) {
                    for (String c : names.lineage(value)) { // a code counts for itself and its ancestors
                        values.merge(c, n, Long::sum);
                    }
                } else {
                    values.merge(value, n, Long::sum);
                }
            }
            List<FacetCount> counts = new ArrayList<>();
            values.forEach((v, n) -> counts.add(new FacetCount(v, label(dim, v), n, chosen.contains(v))));
            for (String c : chosen) { // a selected value with no hits still shows, so it can be unselected
                if (counts.stream().noneMatch(fc -> fc.value().equals(c))) {
                    counts.add(new FacetCount(c, label(dim, c), 0, true));
                }
            }
            if (dim.equals(SearchDocuments.DIM_CLASSIFICATION)) {
                counts.sort(Comparator.comparing(FacetCount::value));
            } else {
                counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            }
            out.put(dim, List.copyOf(counts));
        }
        return out;
    }

    private String label(String dim, String value) {
        return switch (dim) {
            case SearchDocuments.DIM_PROVIDER -> names.providerLabel(UUID.fromString(value));
            case SearchDocuments.DIM_CLASSIFICATION -> {
                Classification c = names.classification(value);
                yield c == null ? value : c.name();
            }
            default -> null;
        };
    }

    // ---- hits

    private List<ResourceHit> resourceHits(IndexGeneration.Searcher searcher, int[] docIds, Highlights marks)
            throws IOException {
        String nameField = SearchDocuments.NAME + SearchDocuments.SHOWN;
        String itemsField = SearchDocuments.ITEMS + SearchDocuments.SHOWN;
        String summaryField = SearchDocuments.SUMMARY + SearchDocuments.SHOWN;
        StoredFields stored = searcher.storedFields();
        List<ResourceHit> hits = new ArrayList<>(docIds.length);
        for (int docId : docIds) {
            Document d = stored.document(docId);
            String name = d.get(nameField);
            String summaryText = d.get(summaryField);
            String[] items = d.getValues(itemsField);
            String nameHtml = orEscaped(marks.whole(name), name);
            String summaryHtml = summaryText == null ? null
                : orEscaped(marks.passage(summaryText, SUMMARY_LENGTH), shorter(summaryText));
            List<String> itemsHtml = marks.matching(items, MAX_ITEMS_SHOWN);
            UUID provider = UUID.fromString(d.get(SearchDocuments.PROVIDER));
            String cls = d.get(SearchDocuments.CLASSIFICATION);
            Classification c = names.classification(cls);
            String release = d.get(SearchDocuments.RELEASE);
            hits.add(new ResourceHit(UUID.fromString(d.get(SearchDocuments.RID)), d.get(SearchDocuments.CODE), name,
                nameHtml, summaryHtml, itemsHtml, provider, names.providerLabel(provider), cls,
                c == null ? null : c.name(), ShareType.valueOf(d.get(SearchDocuments.SHARE)),
                OpenType.valueOf(d.get(SearchDocuments.OPEN)), UpdateCycle.valueOf(d.get(SearchDocuments.CYCLE)),
                ResourceFormat.valueOf(d.get(SearchDocuments.FORMAT)), ResourceStatus.valueOf(d.get(SearchDocuments.STATUS)),
                d.getField(SearchDocuments.WORKING) != null, number(d.getField(SearchDocuments.ITEM_COUNT)),
                release == null ? null : LocalDate.parse(release),
                Instant.ofEpochMilli(d.getField(SearchDocuments.UPDATED).numericValue().longValue())));
        }
        return hits;
    }

    private List<ItemHit> itemHits(IndexGeneration.Searcher searcher, int[] docIds, Highlights marks)
            throws IOException {
        String nameField = SearchDocuments.ITEM_NAME + SearchDocuments.SHOWN;
        StoredFields stored = searcher.storedFields();
        List<ItemHit> hits = new ArrayList<>(docIds.length);
        for (int docId : docIds) {
            Document d = stored.document(docId);
            String name = d.get(nameField);
            UUID provider = UUID.fromString(d.get(SearchDocuments.PROVIDER));
            String type = d.get(SearchDocuments.DATA_TYPE);
            hits.add(new ItemHit(name, orEscaped(marks.whole(name), name),
                d.get(SearchDocuments.ITEM_STANDARD_VALUE),
                d.get(SearchDocuments.ITEM_CODE), type == null ? null : DataType.valueOf(type),
                ShareType.valueOf(d.get(SearchDocuments.SHARE)), UUID.fromString(d.get(SearchDocuments.RID)),
                d.get(SearchDocuments.RESOURCE_CODE), d.get(SearchDocuments.RESOURCE_NAME), provider,
                names.providerLabel(provider), ResourceStatus.valueOf(d.get(SearchDocuments.STATUS)),
                d.getField(SearchDocuments.WORKING) != null));
        }
        return hits;
    }

    private static String shorter(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH) + "…";
    }

    private static String orEscaped(String highlighted, String plain) {
        if (highlighted != null && !highlighted.isEmpty()) {
            return highlighted;
        }
        return plain == null ? null : HtmlUtils.htmlEscape(plain);
    }

    private static int number(IndexableField f) {
        return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Map<String, Float> fields(Object... pairs) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Float) pairs[i + 1]);
        }
        return m;
    }
}
