package org.govshare.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The records behind published resources. Loads, rules and records belong to the resource's
 * provider: its data stewards and administrators act on them (client applications of the provider
 * may push); the sharing authority and auditors read overviews and load histories of all
 * departments; nobody else sees a department's records here (consumers go through the data
 * service). Every load is one transaction: a load that fails, is cancelled or dies leaves the
 * resource exactly at its previous version.
 */
public interface DatasetManagement {

    /** The overview of a published resource's records; empty datasets are shown with version 0. */
    DatasetView dataset(UUID resourceId);

    /** Overviews of the resources the caller may see, e.g. a department's or, for the authority, all. */
    Page<DatasetView> datasets(DatasetFilter filter, Pageable page);

    /** The effective rules of every data item: stored ones, else defaults derived from the catalog. */
    List<ItemRule> rules(UUID resourceId);

    /** Replaces the rules; every item named must exist in the published version. */
    List<ItemRule> changeRules(UUID resourceId, List<ItemRule> rules);

    /** Reads the head of a file (detecting format, character set and delimiter) and suggests a mapping. */
    FilePreview preview(UUID resourceId, String fileName, InputStream content) throws IOException;

    /**
     * Stores the file and queues its load as a job. Refuses at once (naming {@code file}) what cannot
     * be loaded at all: unknown type, over the size limit, a key item without a column.
     *
     * @param mapping null for the suggested one
     */
    LoadView upload(UUID resourceId, String fileName, InputStream content, ColumnMapping mapping, LoadMode mode,
                    LoadPolicy policy);

    /** Applies a pushed batch synchronously (always incremental). */
    LoadView push(UUID resourceId, PushBatch batch);

    /**
     * Undoes the newest applied load of the resource as a new ROLLBACK load that restores the records
     * it replaced; {@code loadId} must name that newest load (so a stale screen cannot undo another).
     */
    LoadView rollback(UUID resourceId, UUID loadId);

    LoadView cancel(UUID loadId);

    LoadView load(UUID loadId);

    Page<LoadView> loads(UUID resourceId, Pageable page);

    /** Rejections of a load, with reasons in the given language; at most {@code limit}. */
    List<Rejection> rejections(UUID loadId, Locale locale, int limit);

    /** All rejections of a load as CSV (UTF-8 with BOM, so Excel opens it): row, item, value, code, reason. */
    void writeRejections(UUID loadId, Locale locale, OutputStream out) throws IOException;

    /** The provider's current records, paged; {@code query} matches keys and values by substring. */
    Page<RecordView> records(UUID resourceId, String query, Pageable page);

    Optional<RecordView> record(UUID resourceId, String key);

    /** Selects datasets: by provider (null: all the caller may see) and optionally only overdue ones. */
    record DatasetFilter(UUID providerId, boolean overdueOnly, String query) {
    }
}
