package org.govshare.dataset.internal.load;

import java.io.IOException;
import java.util.List;

/**
 * Rows of one load as text, whatever they came from (a file, a pushed batch, a database query).
 * The load pipeline maps, validates and writes them; a source only reads. Values are the source's
 * text (null for an empty cell or SQL NULL); numbers and dates already typed by the source are
 * rendered canonically (plain decimal, ISO-8601 date / date-time).
 */
public interface RowSource extends AutoCloseable {

    /** The column names as the source spells them (header row, JSON keys of the first line, SQL labels). */
    List<String> columns();

    /**
     * The next row, one value per column (shorter rows are padded with nulls by the caller), or
     * null at the end. Throws {@link SourceException} for a source that cannot be read on (bad
     * encoding, broken file, lost connection): the whole load then fails and applies nothing.
     */
    String[] next() throws IOException;

    /** The number the user gives the row just returned: its line in a CSV, its row in a sheet, its index in a batch (1-based). */
    long rowNumber();

    /** Progress so far in whatever unit the source knows (bytes read, rows fetched), for the progress bar. */
    default long progressDone() {
        return -1;
    }

    /** The total in the unit of {@link #progressDone()}, or -1 when unknown. */
    default long progressTotal() {
        return -1;
    }

    @Override
    void close() throws IOException;
}
