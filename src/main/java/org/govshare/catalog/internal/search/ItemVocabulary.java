package org.govshare.catalog.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every distinct data item name of an index generation. Departments name their items from a
 * small vocabulary (统一社会信用代码 appears in most resources), so a data-item search finds the
 * names that contain its keyword here and then reads their postings, instead of checking a bigram
 * phrase at every one of the hundred thousand items that carry the name. Names are only added
 * (a name no longer used matches nothing); each segment's names are read once.
 */
final class ItemVocabulary {

    private final Map<IndexReader.CacheKey, Boolean> seen = new ConcurrentHashMap<>();
    private final Set<String> names = new LinkedHashSet<>();
    private volatile String[] snapshot = new String[0];

    void add(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper != null && seen.putIfAbsent(helper.getKey(), Boolean.TRUE) != null) {
            return;
        }
        if (helper != null) {
            helper.addClosedListener(seen::remove);
        }
        Terms terms = reader.terms(SearchDocuments.ITEM_TERM);
        if (terms == null) {
            return;
        }
        List<String> found = new ArrayList<>();
        TermsEnum e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
            found.add(t.utf8ToString());
        }
        synchronized (this) {
            if (names.addAll(found)) {
                snapshot = names.toArray(String[]::new);
            }
        }
    }

    /** The names containing the folded keyword, or null when more than {@code limit} do. */
    List<String> containing(String foldedKeyword, int limit) {
        List<String> out = new ArrayList<>();
        for (String name : snapshot) {
            if (name.contains(foldedKeyword)) {
                if (out.size() == limit) {
                    return null;
                }
                out.add(name);
            }
        }
        return out;
    }
}
