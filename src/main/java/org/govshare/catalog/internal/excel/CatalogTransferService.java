package org.govshare.catalog.internal.excel;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.CatalogTransfer;
import org.govshare.catalog.CatalogTransferEvents.CatalogExported;
import org.govshare.catalog.CatalogTransferEvents.ImportFinished;
import org.govshare.catalog.CatalogTransferEvents.ImportQueued;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.internal.CatalogAccess;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk cataloguing with Excel. Uploads are checked at once and then imported by a small, bounded
 * pool of workers (a full queue is refused, not piled up); jobs, their progress and their problems
 * live in the database, so any node can answer for them.
 */
@Service
class CatalogTransferService implements CatalogTransfer {

    private static final int EXPORT_PAGE = 200;

    private final CatalogManagement catalog;
    private final CatalogAccess access;
    private final DirectoryManagement directory;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ExportReader exports;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor workers;
    private final Duration abandonedAfter;
    private final Clock clock = Clock.systemUTC();

    CatalogTransferService(CatalogManagement catalog, CatalogAccess access, DirectoryManagement directory,
                           ImportJobs jobs, ImportRunner runner, ExportReader exports, MessageSource messages,
                           ApplicationEventPublisher events, PlatformTransactionManager transactions,
                           @Value("${govshare.catalog.import.workers:1}") int workers,
                           @Value("${govshare.catalog.import.queue:20}") int queue,
                           @Value("${govshare.catalog.import.abandoned-after:2m}") Duration abandonedAfter) {
        this.catalog = catalog;
        this.access = access;
        this.directory = directory;
        this.jobs = jobs;
        this.runner = runner;
        this.exports = exports;
        this.messages = messages;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.abandonedAfter = abandonedAfter;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
            r -> {
                Thread t = new Thread(r, "catalog-import-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedJobs() {
        jobs.failAbandoned(clock.instant().minus(abandonedAfter), List.of(Problem.file("interrupted")));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Override
    public void writeTemplate(OutputStream out) throws IOException {
        Actor actor = CurrentActor.require();
        try (CatalogWorkbook wb = new CatalogWorkbook(catalog.classifications(), organizationNames(), false)) {
            wb.example(actor.organizationId());
            wb.write(out);
        }
    }

    @Override
    public Job startImport(String fileName, InputStream content, Mode mode, UUID providerId) {
        Actor actor = CurrentActor.require();
        UUID organization = providerId == null ? actor.organizationId() : providerId;
        if (providerId == null ? organization == null || !access.canCatalogue(actor, organization)
            : !access.canCatalogue(actor, providerId) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        if (!access.organizationExists(organization)) {
            throw ProblemException.invalid("providerId", "organization-unknown");
        }
        String name = fileName(fileName);
        Path file;
        try {
            file = UploadCheck.store(content);
        } catch (IOException e) {
            throw UploadCheck.refused("file-unreadable");
        }
        try {
            UploadCheck.verify(file);
            UUID id = UUID.randomUUID();
            Mode m = mode == null ? Mode.ALL_OR_NOTHING : mode;
            long size = Files.size(file);
            String requestId = RequestIds.current();
            tx.executeWithoutResult(s -> {
                jobs.insert(id, organization, name, size, m, actor.name(), clock.instant());
                events.publishEvent(new ImportQueued(id, organization, name, m, actor, requestId));
            });
            try {
                workers.execute(() -> runner.run(new ImportRunner.Work(id, file, name, m, organization, actor, requestId)));
            } catch (RejectedExecutionException e) {
                Files.deleteIfExists(file);
                finishUnstarted(id, organization, name, Status.FAILED, List.of(Problem.file("import-busy")), actor);
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "import-busy", "file",
                    "excel.problem.import-busy");
            }
            return jobs.find(id).orElseThrow();
        } catch (IOException e) {
            deleteQuietly(file);
            throw UploadCheck.refused("file-unreadable");
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    @Override
    public Job job(UUID id) {
        return visible(id);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        Actor actor = CurrentActor.require();
        if (access.isAuthority(actor)) {
            return jobs.recent(null, limit);
        }
        return actor.organizationId() == null ? List.of() : jobs.recent(actor.organizationId(), limit);
    }

    @Override
    public Job cancel(UUID id) {
        Job job = visible(id);
        Actor actor = CurrentActor.require();
        if (!access.canCatalogue(actor, job.organizationId()) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        if (job.status() == Status.QUEUED || job.status() == Status.RUNNING) {
            jobs.requestCancel(id, clock.instant());
            Job now = jobs.find(id).orElseThrow();
            if (job.status() == Status.QUEUED && now.status() == Status.CANCELLED) {
                // never started, so the runner will not report it
                tx.executeWithoutResult(s -> events.publishEvent(new ImportFinished(id, job.organizationId(),
                    job.fileName(), Status.CANCELLED, 0, 0, actor, RequestIds.current())));
            }
            return now;
        }
        return job;
    }

    @Override
    public List<CellProblem> problems(UUID id, Locale locale, int limit) {
        visible(id);
        return jobs.problems(id).stream().limit(limit).map(p -> render(p, locale)).toList();
    }

    @Override
    public void writeProblems(UUID id, Locale locale, OutputStream out) throws IOException {
        visible(id);
        List<Problem> problems = jobs.problems(id);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(msg("excel.report.sheet", locale));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            String[] titles = {"excel.report.sheet-name", "excel.report.row", "excel.report.column",
                "excel.report.header", "excel.report.value", "excel.report.reason", "excel.report.rule"};
            int[] widths = {10, 8, 8, 16, 30, 70, 24};
            Row header = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(msg(titles[i], locale));
                header.getCell(i).setCellStyle(head);
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Problem p : problems) {
                CellProblem c = render(p, locale);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.sheet() == null ? "" : c.sheet());
                if (c.row() != null) {
                    row.createCell(1).setCellValue(c.row());
                }
                row.createCell(2).setCellValue(c.column() == null ? "" : c.column());
                row.createCell(3).setCellValue(c.header() == null ? "" : c.header());
                // a value that looks like a formula is written as text, never as a formula
                row.createCell(4).setCellValue(c.value() == null ? "" : c.value());
                row.createCell(5).setCellValue(c.message());
                row.createCell(6).setCellValue(c.code());
            }
            wb.write(out);
        }
    }

    @Override
    public void export(ResourceFilter filter, OutputStream out) throws IOException {
        Actor actor = CurrentActor.require();
        boolean authority = access.isAuthority(actor);
        int count = 0;
        try (CatalogWorkbook wb = new CatalogWorkbook(catalog.classifications(), organizationNames(), true)) {
            for (int page = 0; ; page++) {
                Page<ResourceSummary> summaries = catalog.resources(filter, PageRequest.of(page, EXPORT_PAGE));
                List<UUID> own = new ArrayList<>();
                List<UUID> others = new ArrayList<>();
                for (ResourceSummary s : summaries) {
                    (authority || actor.belongsTo(s.providerId()) ? own : others).add(s.id());
                }
                Map<UUID, ResourceView> views = new HashMap<>(exports.workingCopies(own));
                views.putAll(exports.publishedVersions(others));
                for (ResourceSummary s : summaries) {
                    ResourceView v = views.get(s.id());
                    if (v != null) {
                        wb.resource(Integer.toString(++count), v);
                    }
                }
                if (!summaries.hasNext()) {
                    break;
                }
            }
            wb.write(out);
        }
        int exported = count;
        tx.executeWithoutResult(s -> events.publishEvent(new CatalogExported(filter.providerId(), exported, actor,
            RequestIds.current())));
    }

    // ---- helpers

    private Job visible(UUID id) {
        Job job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("import", id));
        Actor actor = CurrentActor.require();
        if (!actor.belongsTo(job.organizationId()) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        return job;
    }

    private CellProblem render(Problem p, Locale locale) {
        Object[] args = p.args() == null ? new Object[0] : p.args().stream().map(a -> shown(a, locale)).toArray();
        String message = messages.getMessage(p.messageKey(), args, p.code(), locale);
        return new CellProblem(p.sheet(), p.row(), p.column(), p.header(), p.value(), p.code(), message);
    }

    private static Object shown(String arg, Locale locale) {
        if (arg != null && arg.startsWith(Problem.ENUM_MARK)) {
            return Labels.byKey(arg.substring(Problem.ENUM_MARK.length())).map(e -> Labels.shown(e, locale)).orElse(arg);
        }
        return arg;
    }

    private void finishUnstarted(UUID id, UUID organization, String name, Status status, List<Problem> problems,
                                 Actor actor) {
        tx.executeWithoutResult(s -> {
            jobs.finish(id, status, 0, 0, 0, 0, 0, problems, clock.instant());
            events.publishEvent(new ImportFinished(id, organization, name, status, 0, 0, actor, RequestIds.current()));
        });
    }

    private Map<UUID, String> organizationNames() {
        Map<UUID, String> names = new HashMap<>();
        for (OrganizationView o : directory.allOrganizations()) {
            if (o.active()) {
                names.put(o.id(), o.name());
            }
        }
        return names;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "upload.xlsx";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }
}
