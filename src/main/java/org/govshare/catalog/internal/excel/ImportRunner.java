package org.govshare.catalog.internal.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.CatalogTransfer.Mode;
import org.govshare.catalog.CatalogTransfer.Status;
import org.govshare.catalog.CatalogTransferEvents.ImportFinished;
import org.govshare.catalog.internal.excel.Column.Sheet;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: read the file (streaming), judge every resource with the catalog's own rules,
 * then register. ALL_OR_NOTHING registers only a clean file, in one transaction, so a failure or a
 * cancellation half-way leaves nothing behind; KEEP_VALID registers each clean resource in its own
 * transaction and reports the others. Progress is written in separate short transactions so the
 * console sees it while the big one is still open.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Pattern ITEM = Pattern.compile("dataItems\\[(\\d+)](?:\\.(\\w+))?");
    private static final int PROGRESS_EVERY = 25;

    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final ImportJobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;
    private final Clock clock = Clock.systemUTC();

    ImportRunner(CatalogManagement catalog, DirectoryManagement directory, ImportJobs jobs,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.directory = directory;
        this.jobs = jobs;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a job needs to run away from its request. */
    record Work(UUID jobId, Path file, String fileName, Mode mode, UUID providerId, Actor actor, String requestId) {
    }

    void run(Work work) {
        if (work.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, work.requestId());
        }
        try {
            CurrentActor.runAs(work.actor(), () -> {
                execute(work);
                return null;
            });
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            try {
                Files.deleteIfExists(work.file());
            } catch (IOException e) {
                log.warn("Could not delete import file {}", work.file(), e);
            }
        }
    }

    private void execute(Work work) {
        UUID id = work.jobId();
        if (!jobs.start(id, clock.instant())) {
            return;
        }
        Progress p = new Progress(id);
        ImportParser.Result result;
        try {
            result = new ImportParser(catalog.classifications(), organizationsByName())
                .parse(work.file(), rows -> p.reading(rows));
        } catch (Exception e) {
            boolean bomb = UploadCheck.isBomb(e);
            if (!bomb) {
                log.info("Import {} could not read {}: {}", id, work.fileName(), e.toString());
            }
            finish(work, Status.FAILED, p, List.of(Problem.file(bomb ? "file-zip-bomb" : "file-unreadable")));
            return;
        }
        p.total = result.rows;
        p.resources = result.resources.size();
        if (result.fatal) {
            finish(work, Status.FAILED, p, result.problems);
            return;
        }
        if (result.resources.isEmpty()) {
            result.problems.add(Problem.file("no-resources", Sheet.RESOURCES.title));
            finish(work, Status.FAILED, p, result.problems);
            return;
        }
        // checking: the catalog's rules, each violation mapped back to its cell
        p.mark();
        p.phase = "CHECKING";
        for (ParsedRow.Resource r : result.resources) {
            if (p.step(1 + r.itemRows.size()) && jobs.cancelRequested(id)) {
                finish(work, Status.CANCELLED, p, result.problems);
                return;
            }
            if (r.draft != null && !r.rejected) {
                map(result, r, catalog.check(r.draft));
            }
        }
        List<ParsedRow.Resource> valid = result.resources.stream().filter(r -> !r.flawed()).toList();
        p.rejected = result.resources.size() - valid.size();
        if (!result.problems.isEmpty() && work.mode() == Mode.ALL_OR_NOTHING) {
            finish(work, Status.FAILED, p, result.problems);
            return;
        }
        p.mark();
        p.phase = "WRITING";
        p.report();
        Status status = work.mode() == Mode.ALL_OR_NOTHING ? allOrNothing(work, valid, p, result)
            : keepValid(work, valid, p, result);
        finish(work, status, p, result.problems);
    }

    private Status allOrNothing(Work work, List<ParsedRow.Resource> valid, Progress p, ImportParser.Result result) {
        try {
            tx.executeWithoutResult(s -> {
                for (ParsedRow.Resource r : valid) {
                    if (p.written() && jobs.cancelRequested(work.jobId())) {
                        throw new Cancelled();
                    }
                    register(work, r);
                    p.imported++;
                }
            });
            return Status.SUCCEEDED;
        } catch (Cancelled c) {
            p.imported = 0;
            return Status.CANCELLED;
        } catch (ViolationsException e) {
            // the catalog changed under us (a related resource went away): nothing was kept
            p.imported = 0;
            result.problems.add(Problem.file("changed-while-importing"));
            return Status.FAILED;
        } catch (ProblemException e) {
            p.imported = 0;
            result.problems.add(Problem.file("refused", e.code()));
            return Status.FAILED;
        }
    }

    private Status keepValid(Work work, List<ParsedRow.Resource> valid, Progress p, ImportParser.Result result) {
        for (ParsedRow.Resource r : valid) {
            if (p.written() && jobs.cancelRequested(work.jobId())) {
                return Status.CANCELLED;
            }
            try {
                register(work, r);
                p.imported++;
            } catch (ViolationsException e) {
                map(result, r, e.violations());
                p.rejected++;
            } catch (ProblemException e) {
                result.problems.add(Problem.file("refused", e.code()));
                return Status.FAILED;
            }
        }
        return p.imported == 0 && !result.problems.isEmpty() ? Status.FAILED : Status.SUCCEEDED;
    }

    private void register(Work work, ParsedRow.Resource r) {
        catalog.register(work.providerId(), r.draft);
    }

    /** Puts each violation on its cell: {@code dataItems[3].length} is the 长度 cell of the resource's fourth item row. */
    static void map(ImportParser.Result result, ParsedRow.Resource r, List<Violation> violations) {
        Map<ParsedRow, Set<Column>> unreadable = new HashMap<>();
        for (Violation v : violations) {
            ParsedRow row = r.row;
            Column column;
            Matcher m = ITEM.matcher(v.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < r.itemRows.size()) {
                row = r.itemRows.get(Integer.parseInt(m.group(1)));
                column = m.group(2) == null ? Column.I_KEY : Column.byField(Sheet.ITEMS, m.group(2)).orElse(Column.I_KEY);
            } else if (v.field().startsWith("relatedResourceCodes")) {
                column = Column.R_RELATED;
            } else {
                column = Column.byField(Sheet.RESOURCES, v.field()).orElse(Column.R_KEY);
            }
            ParsedRow at = row;
            // a cell already reported as unreadable is not reported again as empty
            if (unreadable.computeIfAbsent(at, k -> at.bad.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(at.bad))
                .contains(column)) {
                continue;
            }
            List<String> args = "required".equals(v.code()) ? List.of(column.header) : Problem.strings(v.args().toArray());
            result.problems.add(result.at(row, column, v.code(), "problem." + v.code(), args));
        }
    }

    private Map<String, UUID> organizationsByName() {
        Map<String, UUID> byName = new HashMap<>();
        for (OrganizationView o : directory.allOrganizations()) {
            byName.put(o.name(), o.id());
            if (o.shortName() != null) {
                byName.putIfAbsent(o.shortName(), o.id());
            }
        }
        return byName;
    }

    private void finish(Work work, Status status, Progress p, List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(ORDER);
        int imported = p.imported;
        int rejected = p.rejected;
        tx.executeWithoutResult(s -> {
            jobs.finish(work.jobId(), status, p.total, p.processed, p.resources, imported, rejected, sorted,
                clock.instant());
            events.publishEvent(new ImportFinished(work.jobId(), work.providerId(), work.fileName(), status, imported,
                rejected, work.actor(), work.requestId()));
        });
        p.mark();
        log.info("Import {} of {} finished {}: {} resources, {} imported, {} rejected, {} problems; ms per phase {}",
            work.jobId(), work.fileName(), status, p.resources, imported, rejected, problems.size(), p.timings);
    }

    /** File-wide problems first, then by sheet, row and column. */
    static final Comparator<Problem> ORDER = Comparator
        .comparing((Problem x) -> x.sheet() == null ? -1 : x.sheet().equals(Sheet.RESOURCES.title) ? 0 : 1)
        .thenComparing(x -> x.row() == null ? 0 : x.row())
        .thenComparing(x -> x.column() == null ? 0 : x.column().length())
        .thenComparing(x -> x.column() == null ? "" : x.column());

    /** Counts and their occasional write-out, in its own transaction so pollers see it. */
    private final class Progress {
        final UUID id;
        String phase = "READING";
        int total;
        int processed;
        int resources;
        int imported;
        int rejected;
        private int steps;
        private long phaseStart = System.nanoTime();
        final Map<String, Long> timings = new java.util.LinkedHashMap<>();

        Progress(UUID id) {
            this.id = id;
        }

        /** Closes the timing of the phase that just ended (for the log). */
        void mark() {
            long now = System.nanoTime();
            timings.putIfAbsent(phase, (now - phaseStart) / 1_000_000);
            phaseStart = now;
        }

        void reading(int rows) {
            total = rows;
            report();
        }

        /** Counts checked rows; true (after writing progress) every few resources, when cancellation is looked at. */
        boolean step(int rows) {
            processed += rows;
            return tick();
        }

        boolean written() {
            return tick();
        }

        private boolean tick() {
            if (++steps % PROGRESS_EVERY == 0) {
                report();
                return true;
            }
            return false;
        }

        void report() {
            separate.executeWithoutResult(s -> jobs.progress(id, phase, total, processed, resources, imported, rejected));
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
