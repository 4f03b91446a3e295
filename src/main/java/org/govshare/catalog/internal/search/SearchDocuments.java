package org.govshare.catalog.internal.search;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.springframework.stereotype.Component;

/**
 * The documents of one resource: a resource document per visible state (the published snapshot,
 * and the working copy while it is unpublished or being changed) plus a document per data item of
 * each state, for the data-item search. All of a resource's documents share its id, so one
 * {@code updateDocuments} replaces them atomically.
 */
@Component
class SearchDocuments {

    // keys and filters
    static final String RID = "rid";
    static final String TYPE = "type";
    static final String TYPE_RESOURCE = "r";
    static final String TYPE_ITEM = "i";
    /** "pub": everyone signed in; "own": the provider and the authority. */
    static final String VIS = "vis";
    static final String VIS_PUBLIC = "pub";
    static final String VIS_OWN = "own";
    /** On a published document whose resource also has a working copy document. */
    static final String SHADOWED = "shadowed";
    static final String PROVIDER = "prov";
    static final String CODE = "code";

    // resource text: smartcn fields and their bigram twins (name + "_bi")
    static final String NAME = "name";
    static final String SUMMARY = "summary";
    static final String ITEMS = "items";
    /** Everything else searchable about a resource: keywords, data items, provider name, summary. */
    static final String ALL = "all";
    // data item text
    static final String ITEM_NAME = "iname";
    static final String ITEM_STANDARD = "istd";
    static final String ITEM_CODE = "icode";
    /** A data item's name and standard name, whole and folded (see Highlights.fold): the item vocabulary. */
    static final String ITEM_TERM = "iterm";

    static final List<String> TEXT_FIELDS = List.of(NAME, ALL, ITEM_NAME, ITEM_STANDARD);

    // stored only
    static final String STATUS = "status";
    static final String CLASSIFICATION = "cls";
    static final String SHARE = "share";
    static final String OPEN = "open";
    static final String CYCLE = "cycle";
    static final String FORMAT = "fmt";
    static final String RELEASE = "release";
    static final String UPDATED = "updated";
    static final String ITEM_COUNT = "nitems";
    static final String WORKING = "wc";
    static final String DATA_TYPE = "dtype";
    static final String RESOURCE_NAME = "rname";
    static final String RESOURCE_CODE = "rcode";
    static final String ITEM_STANDARD_VALUE = "istd_v";

    /** 0 for resources, 1 for data items: the index sort (see IndexGeneration). */
    static final String KIND_ORDER = "kind_order";

    // sorting
    static final String SORT_NAME = "sort_name";
    static final String SORT_UPDATED = "sort_updated";

    // facet dimensions, named as the query parameters
    static final String DIM_PROVIDER = "provider";
    static final String DIM_CLASSIFICATION = "classification";
    static final String DIM_SHARE = "shareType";
    static final String DIM_OPEN = "openType";
    static final String DIM_CYCLE = "updateCycle";
    static final String DIM_FORMAT = "format";
    static final List<String> DIMS = List.of(DIM_PROVIDER, DIM_CLASSIFICATION, DIM_SHARE, DIM_OPEN, DIM_CYCLE, DIM_FORMAT);

    /**
     * Suffix of the stored, unindexed copy of a shown text, which {@link Highlights} marks by
     * plain substring matching.
     */
    static final String SHOWN = "_hl";

    /**
     * The catch-all text needs no length normalisation (a resource with more data items is not a
     * worse match), and without norms a broad keyword's thousands of hits are scored faster.
     */
    private static final FieldType WITHOUT_NORMS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WITHOUT_NORMS.setOmitNorms(true);
        WITHOUT_NORMS.freeze();
    }

    private final CatalogNames names;
    private final ThreadLocal<Collator> collator = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(Locale.CHINA);
        c.setStrength(Collator.SECONDARY);
        return c;
    });

    SearchDocuments(CatalogNames names) {
        this.names = names;
    }

    /**
     * Each dimension in its own single-valued doc-values field, the same for resources and data
     * items: {@link FacetOrdinals} turns them into per-segment arrays, so a search counts all six
     * beside its facet filters in one pass over its matches.
     */
    static String facetField(String dim) {
        return "f_" + dim;
    }

    static Term key(java.util.UUID resourceId) {
        return new Term(RID, resourceId.toString());
    }

    /** Every document of a resource's state; empty if search must not show it at all. */
    List<Document> documents(ResourceStates.State state) {
        List<Document> docs = new ArrayList<>();
        if (state.published() != null) {
            boolean shadowed = state.working() != null;
            add(docs, state, state.published(), false, shadowed,
                state.publishedAt() != null ? state.publishedAt() : state.published().updatedAt());
        }
        if (state.working() != null) {
            add(docs, state, state.working(), true, false, state.working().updatedAt());
        }
        return docs;
    }

    private void add(List<Document> docs, ResourceStates.State state, ResourceView v, boolean working, boolean shadowed,
                     Instant updated) {
        String provider = state.providerId().toString();
        String providerName = names.providerName(state.providerId());
        String status = working ? state.status().name() : "PUBLISHED";
        long updatedMillis = updated == null ? 0 : updated.toEpochMilli();

        Document r = new Document();
        common(r, state, working, shadowed, provider, v, v.shareType().name(), updatedMillis, v.name());
        r.add(new StringField(TYPE, TYPE_RESOURCE, Field.Store.NO));
        r.add(new NumericDocValuesField(KIND_ORDER, 0));
        r.add(new StringField(CODE, v.code(), Field.Store.YES));
        // few fields to query (each one costs a term lookup per keyword and segment): the name, and all the rest
        text(r, NAME, v.name());
        shown(r, NAME, v.name());
        text(r, ALL, v.keywords());
        text(r, ALL, providerName);
        text(r, ALL, v.summary());
        shown(r, SUMMARY, v.summary());
        for (DataItemView item : v.dataItems()) {
            String value = oneLine(item.name() + (item.standardName() != null && !item.standardName().equals(item.name())
                ? "（" + item.standardName() + "）" : ""));
            text(r, ALL, value);
            shown(r, ITEMS, value);
        }
        r.add(new StoredField(STATUS, status));
        r.add(new StoredField(CLASSIFICATION, v.classificationCode()));
        r.add(new StoredField(SHARE, v.shareType().name()));
        r.add(new StoredField(OPEN, v.openType().name()));
        r.add(new StoredField(CYCLE, v.updateCycle().name()));
        r.add(new StoredField(FORMAT, v.format().name()));
        if (v.releaseDate() != null) {
            r.add(new StoredField(RELEASE, v.releaseDate().toString()));
        }
        r.add(new StoredField(ITEM_COUNT, v.dataItems().size()));
        docs.add(r);

        for (DataItemView item : v.dataItems()) {
            Document d = new Document();
            String share = item.shareType() == null ? v.shareType().name() : item.shareType().name();
            common(d, state, working, shadowed, provider, v, share, updatedMillis, item.name());
            d.add(new StringField(TYPE, TYPE_ITEM, Field.Store.NO));
            d.add(new NumericDocValuesField(KIND_ORDER, 1));
            d.add(new StoredField(RESOURCE_CODE, v.code()));
            d.add(new StoredField(RESOURCE_NAME, v.name()));
            d.add(new StoredField(STATUS, status));
            d.add(new StoredField(SHARE, share));
            text(d, ITEM_NAME, oneLine(item.name()));
            d.add(new StringField(ITEM_TERM, Highlights.fold(oneLine(item.name()).strip()), Field.Store.NO));
            if (item.standardName() != null && !item.standardName().equals(item.name())) {
                d.add(new StringField(ITEM_TERM, Highlights.fold(oneLine(item.standardName()).strip()), Field.Store.NO));
            }
            shown(d, ITEM_NAME, oneLine(item.name()));
            if (item.standardName() != null) {
                d.add(new StoredField(ITEM_STANDARD_VALUE, item.standardName()));
                if (!item.standardName().equals(item.name())) {
                    text(d, ITEM_STANDARD, oneLine(item.standardName()));
                }
            }
            d.add(new StringField(ITEM_CODE, item.codeName(), Field.Store.YES));
            if (item.dataType() != null) {
                d.add(new StoredField(DATA_TYPE, item.dataType().name()));
            }
            docs.add(d);
        }
    }

    private void common(Document d, ResourceStates.State state, boolean working, boolean shadowed, String provider,
                        ResourceView v, String share, long updated, String sortName) {
        d.add(new StringField(RID, state.id().toString(), Field.Store.YES));
        d.add(new StringField(VIS, working ? VIS_OWN : VIS_PUBLIC, Field.Store.NO));
        if (shadowed) {
            d.add(new StringField(SHADOWED, "1", Field.Store.NO));
        }
        if (working) {
            d.add(new StoredField(WORKING, 1));
        }
        d.add(new StringField(PROVIDER, provider, Field.Store.YES));
        facet(d, DIM_PROVIDER, provider);
        facet(d, DIM_CLASSIFICATION, v.classificationCode());
        facet(d, DIM_SHARE, share);
        facet(d, DIM_OPEN, v.openType().name());
        facet(d, DIM_CYCLE, v.updateCycle().name());
        facet(d, DIM_FORMAT, v.format().name());
        d.add(new StoredField(UPDATED, updated));
        d.add(new NumericDocValuesField(SORT_UPDATED, updated));
        d.add(new SortedDocValuesField(SORT_NAME, new BytesRef(collator.get().getCollationKey(sortName).toByteArray())));
    }

    /** Searchable text: smartcn words in the field, bigrams in its twin. */
    private static void text(Document d, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new Field(field, value, field.equals(ALL) ? WITHOUT_NORMS : TextField.TYPE_NOT_STORED));
        // the bigram twin is the net that finds any substring; the smartcn field ranks, with its length
        d.add(new Field(field + Analyzers.BIGRAM, value, WITHOUT_NORMS));
    }

    /** Shown text: stored, not indexed. */
    private static void shown(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StoredField(field + SHOWN, value));
        }
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replace('\n', ' ').replace('\r', ' ').replace('\0', ' ');
    }

    private static void facet(Document d, String dim, String value) {
        d.add(new SortedDocValuesField(facetField(dim), new BytesRef(value)));
    }
}
