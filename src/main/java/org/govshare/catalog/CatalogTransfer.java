package org.govshare.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Bulk cataloguing with Excel: the template with its code lists, imports that run as jobs and
 * report every bad cell by sheet, row and column, and exports in the same format so an export can
 * be edited and imported again. Every method acts as the current actor: a department imports for
 * itself (the sharing authority for any provider), and sees only its own jobs.
 */
public interface CatalogTransfer {

    /** Writes the empty workbook (with dropdowns, an example and the explanations). */
    void writeTemplate(OutputStream out) throws IOException;

    /**
     * Checks the file's type, size and structure, stores it and queues the import job. Refuses
     * with a problem naming {@code file} when the file is not a usable workbook.
     *
     * @param providerId the organization to register for; null for the caller's own
     */
    Job startImport(String fileName, InputStream content, Mode mode, UUID providerId);

    Job job(UUID id);

    /** The newest jobs the caller may see: their organization's, or all for the authority. */
    List<Job> recentJobs(int limit);

    /** Stops a queued or running job; an all-or-nothing job then writes nothing. */
    Job cancel(UUID id);

    /** The problems of a job, with reasons in the given language; at most {@code limit}. */
    List<CellProblem> problems(UUID id, Locale locale, int limit);

    void writeProblems(UUID id, Locale locale, OutputStream out) throws IOException;

    /** Writes the resources the caller may see that match the filter, streaming. */
    void export(ResourceFilter filter, OutputStream out) throws IOException;

    /**
     * ALL_OR_NOTHING registers nothing unless every row is clean (one transaction for the whole
     * file); KEEP_VALID registers each clean resource in its own transaction and reports the rest.
     */
    enum Mode {
        ALL_OR_NOTHING, KEEP_VALID
    }

    enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** Where an import stands. {@code percent} runs 0 to 100 across reading, checking and writing. */
    record Job(UUID id, UUID organizationId, String fileName, Mode mode, Status status, String phase, int totalRows,
               int processedRows, int resourceCount, int importedCount, int rejectedCount, int problemCount,
               int percent, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /**
     * One bad cell (or a whole-file problem, without sheet and row): the sheet, the Excel row
     * number, the column letter and header, the value found and the reason, with the rule's code.
     */
    record CellProblem(String sheet, Integer row, String column, String header, String value, String code,
                       String message) {
    }
}
