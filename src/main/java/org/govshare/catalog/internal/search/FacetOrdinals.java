package org.govshare.catalog.internal.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of every document as plain arrays, one per dimension and segment, holding ids
 * from a dictionary shared by all segments of an index generation. Counting a broad search's tens
 * of thousands of matches over six dimensions is then array lookups instead of doc-values
 * iteration (which dominated search time); a segment's arrays are built once, when a searcher
 * first sees it, and dropped when the segment goes away. About 2 bytes per document and dimension.
 */
final class FacetOrdinals {

    static final List<String> DIMS = SearchDocuments.DIMS;
    /** Ids are stored + 1 in chars, so a dimension has at most this many values. */
    private static final int MAX_VALUES = Character.MAX_VALUE - 1;

    private final Map<IndexReader.CacheKey, char[][]> segments = new ConcurrentHashMap<>();
    private final Map<String, Integer>[] ids;
    private volatile String[][] values;

    @SuppressWarnings("unchecked")
    FacetOrdinals() {
        ids = new Map[DIMS.size()];
        values = new String[DIMS.size()][];
        for (int d = 0; d < DIMS.size(); d++) {
            ids[d] = new HashMap<>();
            values[d] = new String[0];
        }
    }

    /**
     * The arrays of a segment: {@code [dimension][doc]} = value id + 1, 0 where the document has no
     * value. Built at most once per segment core.
     */
    char[][] segment(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return build(reader);
        }
        char[][] cached = segments.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        char[][] built = build(reader);
        if (segments.putIfAbsent(helper.getKey(), built) == null) {
            helper.addClosedListener(segments::remove);
        }
        return segments.get(helper.getKey());
    }

    /** How many values each dimension has so far; arrays of segments seen before this call hold smaller ids. */
    int[] sizes() {
        String[][] v = values;
        int[] out = new int[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d].length;
        }
        return out;
    }

    String value(int dim, int id) {
        return values[dim][id];
    }

    /** The id of a value, or -1 if no document has ever had it. */
    synchronized int id(int dim, String value) {
        Integer id = ids[dim].get(value);
        return id == null ? -1 : id;
    }

    private char[][] build(LeafReader reader) throws IOException {
        char[][] out = new char[DIMS.size()][];
        for (int d = 0; d < DIMS.size(); d++) {
            char[] docs = new char[reader.maxDoc()];
            SortedDocValues dv = DocValues.getSorted(reader, SearchDocuments.facetField(DIMS.get(d)));
            int[] global = new int[dv.getValueCount()];
            for (int ord = 0; ord < global.length; ord++) {
                global[ord] = assign(d, dv.lookupOrd(ord).utf8ToString());
            }
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                docs[doc] = (char) (global[dv.ordValue()] + 1);
            }
            out[d] = docs;
        }
        return out;
    }

    private synchronized int assign(int dim, String value) {
        Integer known = ids[dim].get(value);
        if (known != null) {
            return known;
        }
        int id = ids[dim].size();
        if (id >= MAX_VALUES) {
            throw new IllegalStateException("facet " + DIMS.get(dim) + " has more than " + MAX_VALUES + " values");
        }
        ids[dim].put(value, id);
        String[][] next = values.clone();
        next[dim] = Arrays.copyOf(values[dim], id + 1);
        next[dim][id] = value;
        values = next;
        return id;
    }
}
