package org.govshare.dataset;

import java.util.List;

/**
 * What the platform read from the head of an uploaded file before loading it: the detected format,
 * character set and delimiter, the columns, a few rows, the suggested mapping and the data items
 * no column feeds (a key item among them blocks the load).
 */
public record FilePreview(String fileName, FileFormat format, String charset, Character delimiter, List<String> columns,
                          List<List<String>> rows, ColumnMapping suggested, List<String> unmappedItems) {

    public enum FileFormat {
        CSV, XLSX, JSONL
    }
}
