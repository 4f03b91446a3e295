package org.govshare.catalog.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.govshare.catalog.SearchIndexStatus;
import org.govshare.catalog.SearchIndexStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's index in step with the database. On start it opens the index named by
 * {@code CURRENT} if the change log position recorded in its last commit belongs to this database,
 * and otherwise rebuilds it in the background. A single tailer thread then follows
 * {@code catalog_change_log} (every poll interval, or at once when a local commit nudges it) and
 * reindexes each changed resource from its current state; changes are searchable after every poll
 * and committed, with the log position, every commit interval. A rebuild reads the whole catalog
 * in one repeatable-read snapshot into a new generation and swaps it in; the tailer then replays
 * whatever committed after or around that snapshot.
 */
@Component
class IndexMaintainer implements SmartLifecycle {

    static final String FORMAT = "9";
    private static final int POLL_BATCH = 2_000;
    private static final int APPLY_CHUNK = 200;
    private static final String POINTER = "CURRENT";
    private static final Logger log = LoggerFactory.getLogger(IndexMaintainer.class);

    private final SearchProperties props;
    private final ChangeFeed feed;
    private final ResourceStates states;
    private final SearchDocuments documents;
    private final TransactionTemplate snapshotTx;
    private final Path root;
    private final Analyzer analyzer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Object nudge = new Object();
    private volatile boolean nudged;
    private volatile boolean running;
    private volatile IndexGeneration current;
    /** Guarded by {@link #lock}. */
    private ChangeCursor cursor;
    private boolean dirty;
    private long lastCommit = System.nanoTime();
    private String databaseId;

    private volatile State state = State.INDEXING;
    private volatile boolean building;
    private final AtomicLong buildTotal = new AtomicLong();
    private final AtomicLong buildDone = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile long lastSeq;

    private ExecutorService tailer;
    private ExecutorService rebuilder;

    IndexMaintainer(SearchProperties props, ChangeFeed feed, ResourceStates states, SearchDocuments documents,
                    PlatformTransactionManager transactions) {
        this.props = props;
        this.feed = feed;
        this.states = states;
        this.documents = documents;
        this.snapshotTx = new TransactionTemplate(transactions);
        snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotTx.setReadOnly(true);
        this.root = Path.of(props.indexDir()).toAbsolutePath();
        List<String> bigramFields = new ArrayList<>();
        SearchDocuments.TEXT_FIELDS.forEach(f -> bigramFields.add(f + Analyzers.BIGRAM));
        this.analyzer = Analyzers.perField(Analyzers.smartcn(), Analyzers.bigram(), bigramFields);
    }

    // ---- lifecycle

    @Override
    public void start() {
        running = true;
        tailer = Executors.newSingleThreadExecutor(r -> daemon(r, "catalog-search-tailer"));
        rebuilder = Executors.newSingleThreadExecutor(r -> daemon(r, "catalog-search-rebuild"));
        databaseId = feed.databaseId();
        try {
            Files.createDirectories(root);
            openExisting();
        } catch (Exception e) {
            log.info("Catalog search index at {} will be rebuilt from the database: {}", root, e.getMessage());
            rebuild();
        }
        tailer.execute(this::tail);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        shutdown(rebuilder);
        shutdown(tailer);
        lock.lock();
        try {
            if (current != null) {
                try {
                    commitIfDirty(true);
                } catch (Exception e) {
                    log.warn("Catalog search index not committed on shutdown: {}", e.toString());
                }
                closeQuietly(current);
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- what the searcher and the admin endpoints use

    /** The generation to search, or null while the first index is being built. */
    IndexGeneration current() {
        return current;
    }

    SearchIndexStatus status() {
        long docs = 0;
        IndexGeneration g = current;
        if (g != null) {
            try {
                IndexGeneration.Searcher s = g.acquire();
                try {
                    docs = s.count(new TermQuery(new Term(SearchDocuments.TYPE, SearchDocuments.TYPE_RESOURCE)));
                } finally {
                    g.release(s);
                }
            } catch (IOException | AlreadyClosedException e) {
                docs = -1;
            }
        }
        long total = buildTotal.get();
        int progress = !building ? 100 : total == 0 ? 0 : (int) Math.min(99, buildDone.get() * 100 / total);
        return new SearchIndexStatus(state, docs, lastSeq, progress, startedAt, finishedAt, error);
    }

    /** Tells the tailer a change was committed here, so it polls now instead of at the next interval. */
    void wake() {
        synchronized (nudge) {
            nudged = true;
            nudge.notifyAll();
        }
    }

    /** Starts a full rebuild unless one is running; returns at once. */
    synchronized SearchIndexStatus rebuild() {
        if (!building && running) {
            building = true;
            state = current == null ? State.INDEXING : State.REBUILDING;
            startedAt = Instant.now();
            finishedAt = null;
            error = null;
            buildDone.set(0);
            buildTotal.set(0);
            rebuilder.execute(this::runRebuild);
        }
        return status();
    }

    // ---- opening

    private void openExisting() throws IOException {
        Path pointer = root.resolve(POINTER);
        if (!Files.exists(pointer)) {
            throw new IOException("no index yet");
        }
        Path dir = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
        IndexGeneration gen = IndexGeneration.openExisting(dir, analyzer);
        try {
            Map<String, String> data = gen.committed();
            if (!FORMAT.equals(data.get("format"))) {
                throw new IOException("index format " + data.get("format") + " is not " + FORMAT);
            }
            long maxSeq = Long.parseLong(data.getOrDefault("maxSeq", "0"));
            String maxRes = data.get("maxSeqResource");
            if (!feed.knows(maxSeq, maxRes == null || maxRes.isEmpty() ? null : UUID.fromString(maxRes), data.get("db"))) {
                throw new IOException("recorded change log position " + maxSeq + " is not this database's");
            }
            List<Long> gaps = data.getOrDefault("gaps", "").isEmpty() ? List.of()
                : Arrays.stream(data.get("gaps").split(",")).map(Long::valueOf).toList();
            lock.lock();
            try {
                cursor = ChangeCursor.at(maxSeq, maxRes == null || maxRes.isEmpty() ? null : UUID.fromString(maxRes),
                    gaps, Instant.now());
                current = gen;
                lastSeq = cursor.watermark();
                state = State.READY;
                finishedAt = Instant.now();
            } finally {
                lock.unlock();
            }
            deleteOtherGenerations(dir);
            log.info("Catalog search index opened at {} (change log seq {})", dir, maxSeq);
        } catch (IOException | RuntimeException e) {
            closeQuietly(gen);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    // ---- following the change log

    private void tail() {
        while (running) {
            awaitNudge();
            if (!running) {
                return;
            }
            IndexGeneration g = current;
            if (g == null) {
                continue;
            }
            if (lost(g)) {
                log.warn("Catalog search index at {} is gone or broken; rebuilding from the database", g.path);
                rebuild();
                sleep(1000);
                continue;
            }
            lock.lock();
            try {
                while (running && current != null && poll(current)) {
                    // a full batch: there may be more
                }
                commitIfDirty(false);
            } catch (Exception e) {
                log.warn("Catalog search index could not follow the change log: {}", e.toString());
                sleep(1000);
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean lost(IndexGeneration g) {
        return !building && (!Files.isDirectory(g.path) || g.writer.getTragicException() != null || !g.writer.isOpen());
    }

    /** One poll; true if the batch was full. Runs under the lock. */
    private boolean poll(IndexGeneration g) throws IOException {
        ChangeCursor before = cursor.copy();
        try {
            ChangeCursor.Snapshot snapshot = feed.snapshot();
            List<ChangeCursor.Row> rows = new ArrayList<>(feed.exactly(cursor.gaps()));
            List<ChangeCursor.Row> fresh = feed.after(cursor.maxSeen(), POLL_BATCH);
            rows.addAll(fresh);
            Set<UUID> changed = cursor.accept(rows, snapshot, Instant.now(), props.gapTimeout());
            apply(g, changed);
            if (!changed.isEmpty()) {
                g.searchers.maybeRefresh();
            }
            if (!changed.isEmpty() || before.watermark() != cursor.watermark() || before.maxSeen() != cursor.maxSeen()) {
                dirty = true;
            }
            lastSeq = cursor.watermark();
            return fresh.size() == POLL_BATCH;
        } catch (IOException | RuntimeException e) {
            cursor = before;
            throw e;
        }
    }

    private void apply(IndexGeneration g, Set<UUID> changed) throws IOException {
        List<UUID> ids = new ArrayList<>(changed);
        for (int i = 0; i < ids.size(); i += APPLY_CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + APPLY_CHUNK));
            Map<UUID, ResourceStates.State> loaded = states.load(chunk);
            for (UUID id : chunk) {
                ResourceStates.State s = loaded.get(id);
                if (s == null || !s.visible()) {
                    g.writer.deleteDocuments(SearchDocuments.key(id));
                } else {
                    g.writer.updateDocuments(SearchDocuments.key(id), documents.documents(s));
                }
            }
        }
    }

    private void commitIfDirty(boolean force) throws IOException {
        if (dirty && current != null
            && (force || System.nanoTime() - lastCommit >= props.commitInterval().toNanos())) {
            current.commit(userData(cursor));
            dirty = false;
            lastCommit = System.nanoTime();
        }
    }

    private Map<String, String> userData(ChangeCursor c) {
        Map<String, String> data = new HashMap<>();
        data.put("format", FORMAT);
        data.put("seq", Long.toString(c.watermark()));
        data.put("maxSeq", Long.toString(c.maxSeen()));
        data.put("maxSeqResource", c.maxSeenResource() == null ? "" : c.maxSeenResource().toString());
        data.put("gaps", c.gaps().stream().limit(ChangeCursor.MAX_GAPS).map(String::valueOf)
            .collect(Collectors.joining(",")));
        if (databaseId != null) {
            data.put("db", databaseId);
        }
        data.put("committedAt", Instant.now().toString());
        return data;
    }

    private void awaitNudge() {
        synchronized (nudge) {
            if (!nudged) {
                try {
                    nudge.wait(props.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }

    // ---- full rebuild

    private void runRebuild() {
        Path dir = root.resolve("g-" + System.currentTimeMillis());
        IndexGeneration gen = null;
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(root);
            gen = IndexGeneration.create(dir, analyzer, 256);
            buildTotal.set(states.countVisible());
            IndexGeneration target = gen;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int threads = Math.max(1, props.buildThreads());
            ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), r -> daemon(r, "catalog-search-build"),
                new ThreadPoolExecutor.CallerRunsPolicy());
            ChangeCursor seeded;
            try {
                seeded = snapshotTx.execute(tx -> {
                    ChangeFeed.Window window = feed.window();
                    states.scan(s -> workers.execute(() -> {
                        if (failure.get() != null) {
                            return;
                        }
                        try {
                            target.writer.addDocuments(documents.documents(s));
                            buildDone.incrementAndGet();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }));
                    return ChangeCursor.seeded(window.start(), window.rows(), Instant.now());
                });
            } finally {
                workers.shutdown();
                workers.awaitTermination(1, TimeUnit.HOURS);
            }
            if (failure.get() != null) {
                throw new IOException("indexing failed", failure.get());
            }
            gen.writer.forceMerge(1); // read-mostly: one segment means one term lookup per term and query
            gen.commit(userData(seeded));
            gen.searchers.maybeRefresh();
            IndexGeneration old;
            lock.lock();
            try {
                old = current;
                current = gen;
                cursor = seeded;
                dirty = false;
                lastCommit = System.nanoTime();
                lastSeq = seeded.watermark();
                writePointer(dir);
            } finally {
                lock.unlock();
            }
            gen = null;
            if (old != null) {
                closeQuietly(old);
            }
            deleteOtherGenerations(dir);
            state = State.READY;
            log.info("Catalog search index rebuilt: {} resources in {} ms (change log seq {})", buildDone.get(),
                (System.nanoTime() - t0) / 1_000_000, seeded.maxSeen());
            wake();
        } catch (Exception e) {
            log.error("Catalog search index rebuild failed", e);
            error = e.toString();
            state = current == null ? State.FAILED : State.READY;
            if (gen != null) {
                closeQuietly(gen);
                deleteTree(dir);
            }
        } finally {
            finishedAt = Instant.now();
            building = false;
        }
    }

    private void writePointer(Path dir) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void deleteOtherGenerations(Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("g-") && !p.equals(keep))
                .forEach(IndexMaintainer::deleteTree);
        } catch (IOException e) {
            log.debug("Old index generations not removed: {}", e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

    private static void closeQuietly(IndexGeneration g) {
        try {
            g.close();
        } catch (Exception e) {
            log.debug("Closing index generation {}: {}", g.path, e.toString());
        }
    }

    private static void shutdown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
