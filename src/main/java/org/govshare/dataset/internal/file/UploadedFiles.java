package org.govshare.dataset.internal.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govshare.catalog.DataItemView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.FilePreview;
import org.govshare.dataset.FilePreview.FileFormat;
import org.govshare.dataset.internal.load.FileSources;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;
import org.springframework.stereotype.Component;

/**
 * The upload channel's reader of stored files. Detection goes by content first and name second: a
 * zip is a workbook (.xlsx), an OLE2 file an old .xls (refused: save it as .xlsx), text is JSON
 * Lines when named .jsonl/.ndjson or starting with '{', else CSV; anything else is refused with
 * {@code file-type-unsupported}. Text is UTF-8 (BOM or not), UTF-16 with a BOM, or GBK/GB18030
 * when the head is not valid UTF-8; a head that is neither is refused with
 * {@code encoding-invalid}, naming the byte offset and line.
 */
@Component
class UploadedFiles implements FileSources {

    private static final Set<String> DELETE_COLUMNS = Set.of("_delete", "删除标记", "delete");

    @Override
    public DetectedFile detect(Path file, String fileName) throws IOException {
        long size = Files.size(file);
        String name = fileName == null ? "" : fileName;
        String ext = extension(name);
        if (size == 0) {
            throw Refusals.refused("file-empty");
        }
        TextHead head = TextHead.read(file);
        if (isZip(head.bytes)) {
            try {
                XlsxRows.checkZip(file);
            } catch (SourceException e) {
                throw e.code().equals("xlsx-bomb") ? Refusals.refused("file-zip-bomb") : Refusals.unsupported(name);
            }
            return new DetectedFile(file, fileName, FileFormat.XLSX, null, null, size);
        }
        if (isOle2(head.bytes) || ext.equals("xls")) {
            throw Refusals.xls();
        }
        boolean textName = Set.of("csv", "txt", "tsv", "jsonl", "ndjson").contains(ext);
        if (ext.equals("xlsx") || !textName && head.binary()) {
            throw Refusals.unsupported(name);
        }
        String charset;
        try {
            charset = head.charset();
        } catch (TextHead.Undecodable e) {
            if (!textName) {
                throw Refusals.unsupported(name);
            }
            throw Refusals.refused("encoding-invalid", e.offset, e.line);
        }
        String text = head.text(charset);
        if (ext.equals("jsonl") || ext.equals("ndjson") || TextHead.firstNonBlank(text) == '{') {
            if (!charset.equals("UTF-8")) {
                throw Refusals.refused("encoding-invalid", (long) head.invalidAt(java.nio.charset.StandardCharsets.UTF_8), 1L);
            }
            return new DetectedFile(file, fileName, FileFormat.JSONL, null, null, size);
        }
        if (!textName && !ext.isEmpty()) {
            throw Refusals.unsupported(name);
        }
        char delimiter = ext.equals("tsv") ? '\t' : TextHead.delimiter(text);
        return new DetectedFile(file, fileName, FileFormat.CSV, charset, delimiter, size);
    }

    @Override
    public FilePreview preview(DetectedFile file, List<DataItemView> items, int rows) throws IOException {
        try (RowSource source = open(file)) {
            List<String> columns = source.columns();
            List<List<String>> head = new ArrayList<>();
            String[] row;
            while (head.size() < rows && (row = source.next()) != null) {
                head.add(Arrays.asList(Arrays.copyOf(row, columns.size())));
            }
            ColumnMapping suggested = suggest(columns, items);
            Set<String> mapped = new HashSet<>(suggested.items().values());
            List<String> unmapped = items.stream().map(DataItemView::codeName).filter(c -> !mapped.contains(c)).toList();
            return new FilePreview(file.fileName(), file.format(), file.charset(), file.delimiter(), columns, head,
                suggested, unmapped);
        }
    }

    @Override
    public RowSource open(DetectedFile file) throws IOException {
        return switch (file.format()) {
            case CSV -> new CsvRows(file.path(), file.charset(), file.delimiter() == null ? ',' : file.delimiter());
            case XLSX -> new XlsxRows(file.path());
            case JSONL -> new JsonLinesRows(file.path());
        };
    }

    /**
     * Each column goes to the first data item whose name, code name or standard name it spells
     * (ignoring case, white space and full-width forms), each item at most once; a column named
     * {@code _delete}, {@code delete} or {@code 删除标记} becomes the delete marker.
     */
    static ColumnMapping suggest(List<String> columns, List<DataItemView> items) {
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        String delete = null;
        for (String column : columns) {
            String c = normalize(column);
            if (c.isEmpty()) {
                continue;
            }
            if (delete == null && DELETE_COLUMNS.contains(c)) {
                delete = column;
                continue;
            }
            for (DataItemView item : items) {
                if (!taken.contains(item.codeName()) && (c.equals(normalize(item.name()))
                    || c.equals(normalize(item.codeName())) || c.equals(normalize(item.standardName())))) {
                    mapping.put(column, item.codeName());
                    taken.add(item.codeName());
                    break;
                }
            }
        }
        return new ColumnMapping(mapping, delete);
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch) && ch != '\uFEFF') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11
            && (b[3] & 0xff) == 0xE0;
    }
}
