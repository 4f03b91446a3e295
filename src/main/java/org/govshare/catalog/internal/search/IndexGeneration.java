package org.govshare.catalog.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One index directory with its writer and near-real-time searchers. A full rebuild writes a new
 * generation beside the live one and swaps it in when complete, so a failed or slow rebuild never
 * leaves searchers with half an index.
 */
final class IndexGeneration implements Closeable {

    /** A searcher with the facet value arrays of each of its segments (see {@link FacetOrdinals}). */
    static final class Searcher extends IndexSearcher {
        final FacetOrdinals facets;
        final ItemVocabulary items;
        private final char[][][] ordinals;

        Searcher(IndexReader reader, FacetOrdinals facets, ItemVocabulary items) throws IOException {
            super(reader);
            this.facets = facets;
            this.items = items;
            List<LeafReaderContext> leaves = reader.leaves();
            this.ordinals = new char[leaves.size()][][];
            for (LeafReaderContext leaf : leaves) {
                ordinals[leaf.ord] = facets.segment(leaf.reader());
                items.add(leaf.reader());
            }
        }

        /** {@code [dimension][doc]} of a segment of this searcher's reader. */
        char[][] ordinals(LeafReaderContext leaf) {
            return ordinals[leaf.ord];
        }
    }

    final Path path;
    private final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    private final FacetOrdinals facets = new FacetOrdinals();
    private final ItemVocabulary items = new ItemVocabulary();

    private IndexGeneration(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new Searcher(reader, facets, items);
            }
        });
    }

    static IndexGeneration create(Path path, Analyzer analyzer, double ramBufferMb) throws IOException {
        Files.createDirectories(path);
        return open(path, analyzer, IndexWriterConfig.OpenMode.CREATE, ramBufferMb);
    }

    /** Opens an existing generation; fails if it has no commit or cannot be read. */
    static IndexGeneration openExisting(Path path, Analyzer analyzer) throws IOException {
        Directory dir = FSDirectory.open(path);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IOException("no index in " + path);
            }
        } finally {
            dir.close();
        }
        try {
            return open(path, analyzer, IndexWriterConfig.OpenMode.APPEND, 32);
        } catch (IllegalArgumentException otherLayout) { // e.g. written with another index sort: rebuild
            throw new IOException("index in " + path + " cannot be opened: " + otherLayout.getMessage(), otherLayout);
        }
    }

    private static IndexGeneration open(Path path, Analyzer analyzer, IndexWriterConfig.OpenMode mode,
                                        double ramBufferMb) throws IOException {
        Directory dir = FSDirectory.open(path);
        try {
            // resources first, then data items, in every segment: each kind's fields and norms are then
            // contiguous, which Lucene reads without the per-document lookups of sparse fields
            IndexWriterConfig iwc = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false)
                .setCodec(new CatalogCodec())
                .setIndexSort(new Sort(new SortField(SearchDocuments.KIND_ORDER, SortField.Type.INT)));
            IndexWriter writer = new IndexWriter(dir, iwc);
            try {
                return new IndexGeneration(path, dir, writer);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** The user data of the newest commit: where in the change log this index stands. */
    Map<String, String> committed() throws IOException {
        return new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
    }

    void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    Searcher acquire() throws IOException {
        return (Searcher) searchers.acquire();
    }

    void release(Searcher s) throws IOException {
        searchers.release(s);
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback(); // everything worth keeping was committed by its owner
            } finally {
                directory.close();
            }
        }
    }
}
