package org.govshare.catalog.internal.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;

/**
 * Drill sideways in one pass over the matches of the text and visibility: a document that passes
 * every facet filter is a hit (counted in every dimension and offered to the page); one that
 * fails exactly one filter counts only in that dimension, which is what the user would get by
 * changing that selection; the rest count nowhere. Filters and counts read the arrays of
 * {@link FacetOrdinals}. Without counts ({@link #pageOnly}) it only filters what the page
 * collector sees, so a relevance page can let the scorer skip what cannot rank (block-max WAND).
 */
final class FacetedCollector implements Collector {

    private final IndexGeneration.Searcher searcher;
    private final TopDocsCollector<?> page;
    /** Per dimension: allowed[id + 1], or null when the dimension has no filter. */
    private final boolean[][] allowed;
    private final int[] filteredDims;
    private final int[][] counts;
    private final boolean counting;
    private long hits;

    /** Counts every match into the facets and the hits; {@code page} (may be null) collects the hits. */
    FacetedCollector(IndexGeneration.Searcher searcher, TopDocsCollector<?> page, boolean[][] allowed, int[] sizes) {
        this(searcher, page, allowed, sizes, true);
    }

    /** Only offers the hits to {@code page}, in its score mode (e.g. top scores, which may skip documents). */
    static FacetedCollector pageOnly(IndexGeneration.Searcher searcher, TopDocsCollector<?> page, boolean[][] allowed) {
        return new FacetedCollector(searcher, page, allowed, new int[allowed.length], false);
    }

    private FacetedCollector(IndexGeneration.Searcher searcher, TopDocsCollector<?> page, boolean[][] allowed,
                             int[] sizes, boolean counting) {
        this.counting = counting;
        this.searcher = searcher;
        this.page = page;
        this.allowed = allowed;
        int n = 0;
        for (boolean[] a : allowed) {
            n += a == null ? 0 : 1;
        }
        this.filteredDims = new int[n];
        for (int d = 0, k = 0; d < allowed.length; d++) {
            if (allowed[d] != null) {
                filteredDims[k++] = d;
            }
        }
        this.counts = new int[sizes.length][];
        for (int d = 0; d < sizes.length; d++) {
            counts[d] = new int[sizes[d] + 1];
        }
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        char[][] ords = searcher.ordinals(context);
        LeafCollector top = page == null ? null : page.getLeafCollector(context);
        int dims = counting ? counts.length : 0;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                if (top != null) {
                    top.setScorer(scorer);
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                int missed = -1;
                for (int d : filteredDims) {
                    if (!allowed[d][ords[d][doc]]) {
                        if (missed >= 0) {
                            return;
                        }
                        missed = d;
                    }
                }
                if (missed >= 0) {
                    if (counting) {
                        counts[missed][ords[missed][doc]]++;
                    }
                    return;
                }
                hits++;
                for (int d = 0; d < dims; d++) {
                    counts[d][ords[d][doc]]++;
                }
                if (top != null) {
                    top.collect(doc);
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return page == null ? ScoreMode.COMPLETE_NO_SCORES : page.scoreMode();
    }

    long hits() {
        return hits;
    }

    TopDocs topDocs() {
        return page.topDocs();
    }

    /** Count of documents with value id {@code id} in dimension {@code dim} (drill-sideways for filtered dimensions). */
    int count(int dim, int id) {
        return counts[dim][id + 1];
    }

    int values(int dim) {
        return counts[dim].length - 1;
    }
}
