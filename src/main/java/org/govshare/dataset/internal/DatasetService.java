package org.govshare.dataset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.PublishedResource;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.DatasetEvents.RecordsRead;
import org.govshare.dataset.DatasetEvents.RulesChanged;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.DatasetView;
import org.govshare.dataset.FilePreview;
import org.govshare.dataset.Freshness;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.PushBatch;
import org.govshare.dataset.Quality;
import org.govshare.dataset.RecordView;
import org.govshare.dataset.Rejection;
import org.govshare.dataset.internal.load.FileSources;
import org.govshare.dataset.internal.load.ItemRuleStore;
import org.govshare.dataset.internal.load.LoadPipeline;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.LoadStore;
import org.govshare.dataset.internal.load.LoadStore.StoredLoad;
import org.govshare.dataset.internal.load.RowProblem;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.quality.FreshnessRule;
import org.govshare.dataset.internal.validation.RecordChecksFactory;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset use cases: access and ownership checks, then the load pipeline for every change of
 * records. Loads manage their own transactions (the pipeline's data transaction), so the methods
 * that load run outside any transaction of this service.
 */
@Service
@Transactional(readOnly = true)
class DatasetService implements DatasetManagement {

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);
    private static final int PREVIEW_ROWS = 20;

    private final CatalogManagement catalog;
    private final DatasetAccess access;
    private final LoadPipeline pipeline;
    private final LoadStore loads;
    private final ItemRuleStore rules;
    private final ObjectProvider<RecordChecksFactory> checksFactory;
    private final ObjectProvider<FileSources> fileSources;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Path uploadDir;
    private final long maxUpload;
    private final int maxBatchRows;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    DatasetService(CatalogManagement catalog, DatasetAccess access, LoadPipeline pipeline, LoadStore loads,
                   ItemRuleStore rules, ObjectProvider<RecordChecksFactory> checksFactory,
                   ObjectProvider<FileSources> fileSources, JdbcClient jdbc, ApplicationEventPublisher events,
                   MessageSource messages,
                   @Value("${govshare.dataset.upload-dir:data/uploads}") String uploadDir,
                   @Value("${govshare.dataset.max-upload-size:2GB}") DataSize maxUpload,
                   @Value("${govshare.dataset.max-batch-rows:100000}") int maxBatchRows) {
        this.catalog = catalog;
        this.access = access;
        this.pipeline = pipeline;
        this.loads = loads;
        this.rules = rules;
        this.checksFactory = checksFactory;
        this.fileSources = fileSources;
        this.jdbc = jdbc;
        this.events = events;
        this.messages = messages;
        this.uploadDir = Path.of(uploadDir).toAbsolutePath().normalize();
        this.maxUpload = maxUpload.toBytes();
        this.maxBatchRows = maxBatchRows;
    }

    // --- overviews ------------------------------------------------------------------------------

    @Override
    public DatasetView dataset(UUID resourceId) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canOverview(actor, published.providerId())) {
            throw forbidden();
        }
        return overview(published);
    }

    @Override
    public Page<DatasetView> datasets(DatasetFilter filter, Pageable page) {
        Actor actor = CurrentActor.require();
        UUID provider = filter == null ? null : filter.providerId();
        boolean authority = access.isAuthority(actor);
        if (provider == null && !authority) {
            provider = actor.organizationId();
            if (provider == null) {
                return Page.empty(page);
            }
        }
        if (provider != null && !access.canOverview(actor, provider)) {
            throw forbidden();
        }
        String text = filter == null ? null : filter.query();
        // every published resource and every dataset row in two queries; full overviews for the page only
        List<PublishedResource> published = new ArrayList<>(catalog.publishedResources(provider, text));
        published.sort(Comparator.comparing(PublishedResource::publishedAt).reversed()); // newest first
        Map<UUID, Instant> loadedAt = new HashMap<>();
        jdbc.sql("select resource_id, last_loaded_at from dataset" + (provider == null ? "" : " where provider_id = ?"))
            .params(provider == null ? List.of() : List.of(provider))
            .query((rs, i) -> {
                loadedAt.put(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)));
                return null;
            }).list();
        List<PublishedResource> selected = filter != null && filter.overdueOnly()
            ? published.stream().filter(r -> FreshnessRule.of(r.updateCycle(), loadedAt.get(r.id()), r.releaseDate(),
                r.publishedAt(), clock.instant()).overdue()).toList()
            : published;
        int from = (int) Math.min(selected.size(), page.getOffset());
        int to = Math.min(selected.size(), from + page.getPageSize());
        List<DatasetView> content = new ArrayList<>();
        for (PublishedResource r : selected.subList(from, to)) {
            catalog.published(r.id()).ifPresent(v -> content.add(overview(v)));
        }
        return new PageImpl<>(content, page, selected.size());
    }

    private DatasetView overview(ResourceView published) {
        record Row(int version, long count, long lastSeq, UUID lastLoad, Instant loadedAt, Double completeness,
                   Double validity, Double uniqueness, Instant measuredAt) {
        }
        Optional<Row> row = jdbc.sql("""
                select version, record_count, last_seq, last_load_id, last_loaded_at, completeness, validity, uniqueness,
                       measured_at
                from dataset where resource_id = ?
                """)
            .param(published.id())
            .query((rs, i) -> new Row(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, UUID.class),
                instant(rs.getTimestamp(5)), (Double) rs.getObject(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                instant(rs.getTimestamp(9))))
            .optional();
        LoadView lastLoad = loads.page(published.id(), 0, 1).stream().findFirst().orElse(null);
        Quality quality = row.filter(r -> r.measuredAt() != null)
            .map(r -> new Quality(r.completeness(), r.validity(), r.uniqueness(), r.measuredAt()))
            .orElse(new Quality(null, null, null, null));
        Instant loadedAt = row.map(Row::loadedAt).orElse(null);
        return new DatasetView(published.id(), published.code(), published.name(), published.providerId(),
            row.map(Row::version).orElse(0), row.map(Row::count).orElse(0L), row.map(Row::lastSeq).orElse(0L),
            keyItems(published), lastLoad, quality, freshness(published, loadedAt));
    }

    // The one freshness rule (quality package): promise added in China's calendar; a never-loaded
    // resource is due a promise after its release date.
    private Freshness freshness(ResourceView published, Instant lastUpdatedAt) {
        return FreshnessRule.of(published.updateCycle(), lastUpdatedAt, published.releaseDate(), published.updatedAt(),
            clock.instant());
    }

    // --- rules ----------------------------------------------------------------------------------

    @Override
    public List<ItemRule> rules(UUID resourceId) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canOverview(actor, published.providerId())) {
            throw forbidden();
        }
        return rules.effective(published, factory());
    }

    @Override
    @Transactional
    public List<ItemRule> changeRules(UUID resourceId, List<ItemRule> changed) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canManage(actor, published.providerId())) {
            throw forbidden();
        }
        List<ItemRule> list = changed == null ? List.of() : changed;
        factory().validateRules(published, list);
        rules.replace(resourceId, list);
        events.publishEvent(new RulesChanged(resourceId, published.providerId(), actor, RequestIds.current()));
        return rules.effective(published, factory());
    }

    // --- loading --------------------------------------------------------------------------------

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public FilePreview preview(UUID resourceId, String fileName, InputStream content) throws IOException {
        Actor actor = CurrentActor.require();
        ResourceView published = loadable(actor, resourceId, false);
        FileSources files = files();
        Path stored = store(content);
        try {
            FileSources.DetectedFile detected = files.detect(stored, safeName(fileName));
            return files.preview(detected, published.dataItems(), PREVIEW_ROWS);
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoadView upload(UUID resourceId, String fileName, InputStream content, ColumnMapping mapping, LoadMode mode,
                           LoadPolicy policy) {
        Actor actor = CurrentActor.require();
        ResourceView published = loadable(actor, resourceId, false);
        FileSources files = files();
        Path stored;
        try {
            stored = store(content);
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "file-unreadable", "file", "problem.file-unreadable");
        }
        boolean handedOver = false;
        try {
            String name = safeName(fileName);
            FileSources.DetectedFile detected = files.detect(stored, name);
            FilePreview head = files.preview(detected, published.dataItems(), 0);
            List<String> missing = missingKeyColumns(published, head, mapping);
            if (!missing.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "key-column-missing", "file",
                    "problem.key-column-missing", String.join(", ", missing));
            }
            ColumnMapping effective = mapping == null || mapping.items().isEmpty() ? head.suggested() : mapping;
            if (effective != null && mapping != null && mapping.deleteColumn() != null && effective != mapping) {
                effective = new ColumnMapping(effective.items(), mapping.deleteColumn());
            }
            UploadOpener opener = new UploadOpener(files, detected);
            LoadView view = pipeline.start(new LoadRequest(resourceId, LoadChannel.UPLOAD,
                mode == null ? LoadMode.FULL : mode, policy == null ? LoadPolicy.ALL_OR_NOTHING : policy, effective, name,
                null, opener, actor, RequestIds.current()));
            handedOver = true;
            return view;
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "file-unreadable", "file",
                "problem.file-unreadable");
        } finally {
            if (!handedOver) {
                deleteQuietly(stored);
            }
        }
    }

    private List<String> missingKeyColumns(ResourceView published, FilePreview head, ColumnMapping mapping) {
        List<String> missing = new ArrayList<>();
        Set<String> fed = new HashSet<>();
        if (mapping != null && !mapping.items().isEmpty()) {
            Set<String> columns = new HashSet<>();
            head.columns().forEach(c -> columns.add(c == null ? "" : c.strip().toLowerCase(Locale.ROOT)));
            mapping.items().forEach((column, item) -> {
                if (column != null && columns.contains(column.strip().toLowerCase(Locale.ROOT))) {
                    fed.add(item);
                }
            });
        } else {
            published.dataItems().forEach(i -> fed.add(i.codeName()));
            if (head.unmappedItems() != null) {
                fed.removeAll(head.unmappedItems());
            }
        }
        for (DataItemView item : published.dataItems()) {
            if (item.key() && !fed.contains(item.codeName())) {
                missing.add(item.codeName());
            }
        }
        return missing;
    }

    /** Opens the stored upload inside the job and deletes it when the job is over, whatever happened. */
    record UploadOpener(FileSources files, FileSources.DetectedFile file) implements LoadRequest.SourceOpener,
        AutoCloseable {

        @Override
        public RowSource open() throws IOException {
            return files.open(file);
        }

        @Override
        public void close() {
            deleteQuietly(file.path());
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoadView push(UUID resourceId, PushBatch batch) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canPush(actor, published.providerId())) {
            throw forbidden();
        }
        loadable(actor, resourceId, true);
        if (batch == null || batch.batchId() == null || batch.batchId().isBlank()) {
            throw ProblemException.invalid("batchId", "batch-id-required");
        }
        if (batch.batchId().length() > 128) {
            throw ProblemException.invalid("batchId", "batch-id-too-long", 128);
        }
        int rows = batch.upserts().size() + batch.deletes().size();
        if (rows == 0) {
            throw ProblemException.invalid("upserts", "batch-empty");
        }
        if (rows > maxBatchRows) {
            throw ProblemException.invalid("upserts", "batch-too-large", maxBatchRows);
        }
        Set<String> codes = new HashSet<>();
        published.dataItems().forEach(i -> codes.add(i.codeName()));
        List<Violation> violations = new ArrayList<>();
        checkRecords("upserts", batch.upserts(), codes, violations);
        checkRecords("deletes", batch.deletes(), codes, violations);
        ViolationsException.throwIfAny(violations);
        String hash = contentHash(batch);
        Optional<StoredLoad> earlier = loads.findBatch(resourceId, batch.batchId());
        if (earlier.isPresent()) {
            return sameBatch(earlier.get(), hash);
        }
        List<String> items = published.dataItems().stream().map(DataItemView::codeName).toList();
        Map<String, String> identity = new TreeMap<>();
        items.forEach(i -> identity.put(i, i));
        try {
            return pipeline.run(new LoadRequest(resourceId, LoadChannel.PUSH, LoadMode.INCREMENTAL, batch.policy(),
                new ColumnMapping(identity, PushSource.DELETE_COLUMN), batch.batchId(), batch.batchId(),
                () -> new PushSource(items, batch), actor, RequestIds.current()), hash);
        } catch (LoadPipeline.DuplicateBatchException e) {
            return sameBatch(loads.findBatch(resourceId, batch.batchId()).orElseThrow(), hash);
        }
    }

    private LoadView sameBatch(StoredLoad earlier, String hash) {
        if (!hash.equals(earlier.contentHash())) {
            throw ProblemException.conflict("batchId", "batch-id-reused");
        }
        return earlier.view();
    }

    private static void checkRecords(String field, List<Map<String, Object>> records, Set<String> codes,
                                     List<Violation> violations) {
        for (int i = 0; i < records.size() && violations.size() < 100; i++) {
            Map<String, Object> r = records.get(i);
            if (r == null) {
                violations.add(new Violation(field + "[" + i + "]", "required", List.<Object>of(field)));
                continue;
            }
            for (var e : r.entrySet()) {
                if (!codes.contains(e.getKey())) {
                    violations.add(new Violation(field + "[" + i + "]." + e.getKey(), "item-unknown", List.<Object>of(e.getKey())));
                } else if (!PushSource.scalar(e.getValue())) {
                    violations.add(new Violation(field + "[" + i + "]." + e.getKey(), "value-not-scalar",
                        List.of(e.getKey())));
                }
            }
        }
    }

    /** SHA-256 over the batch with keys sorted and values as the pipeline will read them. */
    static String contentHash(PushBatch batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder();
            sb.append(batch.policy()).append('\n');
            for (Map<String, Object> r : batch.upserts()) {
                sb.append('U');
                canonical(sb, r);
            }
            for (Map<String, Object> r : batch.deletes()) {
                sb.append('D');
                canonical(sb, r);
            }
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(StringBuilder sb, Map<String, Object> r) {
        new TreeMap<>(r).forEach((k, v) -> {
            String t = PushSource.text(v);
            if (t != null) {
                sb.append(k.length()).append(':').append(k).append('=').append(t.length()).append(':').append(t);
            }
        });
        sb.append('\n');
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoadView rollback(UUID resourceId, UUID loadId) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canManage(actor, published.providerId())) {
            throw forbidden();
        }
        loadOf(resourceId, loadId);
        return pipeline.rollback(resourceId, loadId, actor, RequestIds.current());
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoadView cancel(UUID loadId) {
        Actor actor = CurrentActor.require();
        StoredLoad load = loads.find(loadId).orElseThrow(() -> ProblemException.notFound("load", loadId));
        if (!access.canManage(actor, load.providerId())) {
            throw forbidden();
        }
        if (load.view().state().finished()) {
            throw ProblemException.conflict("state", "load-finished", load.view().state());
        }
        pipeline.cancel(loadId);
        return loads.find(loadId).orElseThrow().view();
    }

    @Override
    public LoadView load(UUID loadId) {
        Actor actor = CurrentActor.require();
        StoredLoad load = loads.find(loadId).orElseThrow(() -> ProblemException.notFound("load", loadId));
        if (!access.canOverview(actor, load.providerId())) {
            throw forbidden();
        }
        return load.view();
    }

    @Override
    public Page<LoadView> loads(UUID resourceId, Pageable page) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canOverview(actor, published.providerId())) {
            throw forbidden();
        }
        return new PageImpl<>(loads.page(resourceId, (int) page.getOffset(), page.getPageSize()), page,
            loads.count(resourceId));
    }

    @Override
    public List<Rejection> rejections(UUID loadId, Locale locale, int limit) {
        load(loadId);
        return loads.rejections(loadId, limit).stream().map(p -> render(p, locale)).toList();
    }

    @Override
    public void writeRejections(UUID loadId, Locale locale, OutputStream out) throws IOException {
        load(loadId);
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT);
        csv.printRecord(msg("dataset.rejections.row", locale), msg("dataset.rejections.item", locale),
            msg("dataset.rejections.value", locale), msg("dataset.rejections.code", locale),
            msg("dataset.rejections.reason", locale));
        for (RowProblem p : loads.rejections(loadId, Integer.MAX_VALUE)) {
            Rejection r = render(p, locale);
            csv.printRecord(r.row() == null ? "" : r.row(), r.item(), r.value(), r.code(), r.message());
        }
        csv.flush();
    }

    private Rejection render(RowProblem p, Locale locale) {
        Object[] args = p.args();
        if (args != null && args.length > 0 && args[0] instanceof String rule
                && (p.code().equals("resident-id-invalid") || p.code().equals("credit-code-invalid"))) {
            args = args.clone(); // the failed identifier rule, said in the reader's language
            args[0] = messages.getMessage("dataset.identifier-rule." + rule, null, rule, locale);
        }
        String message = messages.getMessage("dataset.rejection." + p.code(), args, p.code(), locale);
        return new Rejection(p.row(), p.item(), p.value(), p.code(), message);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    // --- records --------------------------------------------------------------------------------

    @Override
    @Transactional
    public Page<RecordView> records(UUID resourceId, String query, Pageable page) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canManage(actor, published.providerId())) {
            throw forbidden();
        }
        String q = query == null || query.isBlank() ? null : "%" + query.strip().replace("\\", "\\\\")
            .replace("%", "\\%").replace("_", "\\_") + "%";
        String where = "r.resource_id = :resource"
            + (q == null ? "" : " and (r.record_key ilike :q or r.data::text ilike :q)");
        List<RecordView> content = jdbc.sql("select r.record_key, r.data::text, r.seq, l.finished_at from dataset_record r "
                + "left join dataset_load l on l.id = r.load_id where " + where
                + " order by r.record_key limit :limit offset :offset")
            .param("resource", resourceId).param("q", q).param("limit", page.getPageSize())
            .param("offset", page.getOffset())
            .query((rs, i) -> record(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4))).list();
        long total = jdbc.sql("select count(*) from dataset_record r where " + where).param("resource", resourceId)
            .param("q", q).query(Long.class).single();
        events.publishEvent(new RecordsRead(resourceId, published.providerId(), query, content.size(), actor,
            RequestIds.current()));
        return new PageImpl<>(content, page, total);
    }

    @Override
    @Transactional
    public Optional<RecordView> record(UUID resourceId, String key) {
        Actor actor = CurrentActor.require();
        ResourceView published = published(actor, resourceId);
        if (!access.canManage(actor, published.providerId())) {
            throw forbidden();
        }
        Optional<RecordView> found = jdbc.sql("select r.record_key, r.data::text, r.seq, l.finished_at from dataset_record r "
                + "left join dataset_load l on l.id = r.load_id where r.resource_id = ? and r.record_key = ?")
            .params(resourceId, key)
            .query((rs, i) -> record(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4))).optional();
        events.publishEvent(new RecordsRead(resourceId, published.providerId(), "key=" + key, found.isPresent() ? 1 : 0,
            actor, RequestIds.current()));
        return found;
    }

    private RecordView record(String key, String data, long seq, Timestamp changedAt) {
        Map<String, Object> values = json.readValue(data, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        return new RecordView(key, values, seq, instant(changedAt));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The published resource; 404 if unknown, 403 for another department's draft, 422 for one's own. */
    private ResourceView published(Actor actor, UUID resourceId) {
        Optional<ResourceView> published = catalog.published(resourceId);
        if (published.isPresent()) {
            return published.get();
        }
        ResourceView any = catalog.find(resourceId).orElseThrow(() -> ProblemException.notFound("resource", resourceId));
        if (!access.canOverview(actor, any.providerId())) {
            throw forbidden();
        }
        throw ProblemException.invalid("resourceId", "resource-not-published");
    }

    /** A published resource the caller may load into, with at least one key item. */
    private ResourceView loadable(Actor actor, UUID resourceId, boolean push) {
        ResourceView published = published(actor, resourceId);
        if (!(push ? access.canPush(actor, published.providerId()) : access.canManage(actor, published.providerId()))) {
            throw forbidden();
        }
        if (keyItems(published).isEmpty()) {
            throw ProblemException.invalid("resourceId", "no-key-items");
        }
        return published;
    }

    private LoadView loadOf(UUID resourceId, UUID loadId) {
        LoadView v = loads.find(loadId).map(StoredLoad::view).orElseThrow(() -> ProblemException.notFound("load", loadId));
        if (!v.resourceId().equals(resourceId)) {
            throw ProblemException.notFound("load", loadId);
        }
        return v;
    }

    private static List<String> keyItems(ResourceView published) {
        return published.dataItems().stream().filter(DataItemView::key).map(DataItemView::codeName).toList();
    }

    private RecordChecksFactory factory() {
        RecordChecksFactory f = checksFactory.getIfAvailable();
        if (f == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "validation-unavailable", null,
                "problem.validation-unavailable");
        }
        return f;
    }

    private FileSources files() {
        FileSources f = fileSources.getIfAvailable();
        if (f == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "files-unavailable", "file",
                "problem.files-unavailable");
        }
        return f;
    }

    /** Copies the upload to a temp file, refusing (413) what exceeds the limit without keeping it. */
    private Path store(InputStream content) throws IOException {
        Files.createDirectories(uploadDir);
        Path file = Files.createTempFile(uploadDir, "upload-", ".tmp");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = content.read(buf)) > 0) {
                total += n;
                if (total > maxUpload) {
                    throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "file",
                        "problem.file-too-large", DataSize.ofBytes(maxUpload).toMegabytes());
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return file;
    }

    long maxUploadBytes() {
        return maxUpload;
    }

    private static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete upload {}", file, e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }
}
