package org.govshare.dataset.internal.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;

/**
 * A CSV file read record by record with commons-csv, never held whole. The first record is the
 * header (names trimmed); blank lines are skipped; a row's number is the line it starts on (the
 * header is line 1), so a quoted value spanning lines does not shift the numbers after it. A row
 * with fewer values than the header is padded with nulls, one with more is cut to the header's
 * width (the extra values have no column to go to); empty values are null. Undecodable bytes
 * ({@code encoding-invalid}, found as replacement characters in the row) and broken quoting ({@code csv-malformed}) stop the read with the
 * row they happened at.
 */
final class CsvRows implements RowSource {

    private final CountingInputStream bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long size;
    private final List<String> columns;
    private long rowNumber;

    CsvRows(Path file, String charset, char delimiter) throws IOException {
        this.size = Files.size(file);
        this.bytes = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        try {
            // undecodable bytes become U+FFFD and are reported with the row they are in, not where the decoder's read-ahead met them
            var decoder = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
            var reader = new InputStreamReader(bytes, decoder);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            this.records = parser.iterator();
            String[] header = read();
            List<String> names = new ArrayList<>();
            if (header != null) {
                for (int i = 0; i < header.length; i++) {
                    String name = header[i] == null ? "" : header[i].replace("\uFEFF", "").trim();
                    names.add(name);
                }
                while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                    names.remove(names.size() - 1);
                }
            }
            this.columns = List.copyOf(names);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() throws IOException {
        String[] raw = read();
        if (raw == null) {
            return null;
        }
        String[] row = new String[columns.size()];
        System.arraycopy(raw, 0, row, 0, Math.min(raw.length, row.length));
        return row;
    }

    /** The next non-blank record (empty values as null), or null at the end; sets the row number. */
    private String[] read() throws IOException {
        while (true) {
            long before = parser.getCurrentLineNumber();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw failure(e.getCause(), before + 1);
            } catch (IllegalStateException e) {
                throw failure(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e), before + 1);
            }
            rowNumber = before + 1;
            String[] values = new String[record.size()];
            boolean blank = true;
            for (int i = 0; i < values.length; i++) {
                String v = record.get(i);
                if (v != null && !v.isEmpty()) {
                    if (v.indexOf('\uFFFD') >= 0) {
                        throw new SourceException("encoding-invalid", rowNumber, "column " + (i + 1), null, rowNumber);
                    }
                    values[i] = v;
                    blank &= v.isBlank();
                }
            }
            if (!blank) {
                return values;
            }
        }
    }

    private SourceException failure(IOException cause, long line) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new SourceException("encoding-invalid", line, "near byte " + bytes.count(), cause, line);
            }
        }
        return new SourceException("csv-malformed", line, cause == null ? null : cause.getMessage(), cause, line);
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public long progressDone() {
        return bytes.count();
    }

    @Override
    public long progressTotal() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            bytes.close();
        }
    }
}
