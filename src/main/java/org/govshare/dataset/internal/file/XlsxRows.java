package org.govshare.dataset.internal.file;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;

/**
 * The first sheet of an .xlsx read as a stream of rows: the zip is opened with the JDK (so no
 * process-wide POI limit set by another import caps a large sheet), the sheet XML is pulled with
 * StAX one row at a time, shared strings and styles come from POI's read-only tables. The first
 * non-blank row is the header; row numbers are Excel's. Dates (numbers in a date format) come out
 * as ISO dates or date-times, other numbers as plain decimals of at most 15 significant digits, as
 * Excel shows them (no exponent, no trailing ".0"); text cells, such as 18-digit identity numbers
 * typed as text, unchanged. A cell holding a formula stops the read ({@code formula-cell}): the
 * platform loads values, not what a formula would compute.
 */
final class XlsxRows implements RowSource {

    /** Compressed over inflated size below this, for a part over {@link #RATIO_GRACE}, is a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long RATIO_GRACE = 1024L * 1024;
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipFile zip;
    private final CountingInputStream sheetBytes;
    private final XMLStreamReader xml;
    private final long sheetSize;
    private final List<String> sharedStrings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<String> columns;
    private long rowNumber;
    private int lastRow;

    XlsxRows(Path file) throws IOException {
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new SourceException("xlsx-broken", null, e.getMessage(), e);
        }
        try {
            String sheet = firstSheet();
            this.sharedStrings = sharedStrings();
            this.styles = styles();
            ZipEntry entry = zip.getEntry(sheet);
            if (entry == null) {
                throw new SourceException("xlsx-broken", null, "no " + sheet, null);
            }
            this.sheetSize = Math.max(entry.getSize(), 1);
            this.sheetBytes = new CountingInputStream(zip.getInputStream(entry), limit(entry));
            this.xml = XML.createXMLStreamReader(sheetBytes);
            List<String> header = new ArrayList<>();
            Map<Integer, String> first = nextRow();
            if (first != null) {
                int width = first.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                for (int c = 0; c < width; c++) {
                    String name = first.get(c);
                    header.add(name == null || name.isBlank() ? CellReference.convertNumToColString(c) : name.trim());
                }
            }
            this.columns = List.copyOf(header);
        } catch (XMLStreamException e) {
            zip.close();
            throw new SourceException("xlsx-broken", rowNumber == 0 ? null : rowNumber, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Refuses a zip whose central directory promises a bomb: too many parts, a part inflating past the
     * limit or at a ratio no spreadsheet has. Returns normally for a plausible workbook.
     */
    static void checkZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw new SourceException("xlsx-broken", null, "not a workbook", null);
            }
            int count = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new SourceException("xlsx-bomb", null, "too many parts", null);
                }
                long size = e.getSize();
                if (size < 0) {
                    continue;
                }
                boolean ratio = size > RATIO_GRACE && (double) e.getCompressedSize() / size < MIN_INFLATE_RATIO;
                if (size > MAX_ENTRY_BYTES || ratio) {
                    throw new SourceException("xlsx-bomb", null, e.getName(), null);
                }
            }
        } catch (ZipException e) {
            throw new SourceException("xlsx-broken", null, e.getMessage(), e);
        }
    }

    /** A part may not inflate beyond what the directory declared (a lying directory is a bomb too). */
    private static long limit(ZipEntry entry) {
        long declared = entry.getSize();
        return declared < 0 ? MAX_ENTRY_BYTES : declared + 1024;
    }

    private InputStream part(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        return entry == null ? null : new CountingInputStream(zip.getInputStream(entry), limit(entry));
    }

    /** The part name of the workbook's first sheet, following its relationship. */
    private String firstSheet() throws IOException, XMLStreamException {
        String relId = null;
        try (InputStream in = part("xl/workbook.xml")) {
            if (in == null) {
                throw new SourceException("xlsx-broken", null, "no workbook", null);
            }
            XMLStreamReader r = XML.createXMLStreamReader(in);
            while (r.hasNext() && relId == null) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                    relId = r.getAttributeValue(REL_NS, "id");
                }
            }
            r.close();
        }
        if (relId == null) {
            throw new SourceException("xlsx-broken", null, "no sheet", null);
        }
        try (InputStream in = part("xl/_rels/workbook.xml.rels")) {
            if (in == null) {
                throw new SourceException("xlsx-broken", null, "no workbook relationships", null);
            }
            XMLStreamReader r = XML.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())
                    && relId.equals(r.getAttributeValue(null, "Id"))) {
                    String target = r.getAttributeValue(null, "Target");
                    r.close();
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
            r.close();
        }
        throw new SourceException("xlsx-broken", null, "sheet relationship " + relId + " missing", null);
    }

    private List<String> sharedStrings() throws IOException {
        try (InputStream in = part("xl/sharedStrings.xml")) {
            if (in == null) {
                return List.of();
            }
            ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(in);
            List<String> strings = new ArrayList<>(table.getCount());
            for (int i = 0; i < table.getUniqueCount(); i++) {
                strings.add(table.getItemAt(i).getString());
            }
            return strings;
        } catch (org.xml.sax.SAXException e) {
            throw new SourceException("xlsx-broken", null, e.getMessage(), e);
        }
    }

    private StylesTable styles() throws IOException {
        try (InputStream in = part("xl/styles.xml")) {
            return in == null ? null : new StylesTable(in);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() throws IOException {
        Map<Integer, String> cells;
        try {
            cells = nextRow();
        } catch (XMLStreamException e) {
            throw new SourceException("xlsx-broken", rowNumber + 1, e.getMessage(), e);
        }
        if (cells == null) {
            return null;
        }
        String[] row = new String[columns.size()];
        cells.forEach((c, v) -> {
            if (c < row.length) {
                row[c] = v;
            }
        });
        return row;
    }

    /** The next row with a non-blank cell, values by column index; null at the end of the sheet. */
    private Map<Integer, String> nextRow() throws XMLStreamException, IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String r = xml.getAttributeValue(null, "r");
                    lastRow = r == null ? lastRow + 1 : Integer.parseInt(r);
                    rowNumber = lastRow;
                    Map<Integer, String> cells = row();
                    if (cells.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                        return cells;
                    }
                }
            }
            return null;
        } catch (CountingInputStream.LimitExceeded e) {
            throw new SourceException("xlsx-bomb", rowNumber, e.getMessage(), e);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CountingInputStream.LimitExceeded limit) {
                throw new SourceException("xlsx-bomb", rowNumber, limit.getMessage(), limit);
            }
            throw e;
        }
    }

    /** Reads the cells of the current {@code <row>} up to its end tag. */
    private Map<Integer, String> row() throws XMLStreamException, IOException {
        Map<Integer, String> cells = new TreeMap<>();
        int lastCol = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int col = ref == null ? lastCol + 1 : new CellReference(ref).getCol();
                lastCol = col;
                String value = cell(ref == null ? CellReference.convertNumToColString(col) + lastRow : ref);
                if (value != null && !value.isEmpty()) {
                    cells.put(col, value);
                }
            }
        }
        return cells;
    }

    /** Reads one {@code <c>} up to its end tag and renders its value. */
    private String cell(String ref) throws XMLStreamException, IOException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String v = null;
        StringBuilder inline = null;
        int depth = 1;
        while (xml.hasNext() && depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if ("f".equals(name)) {
                    throw new SourceException("formula-cell", (long) lastRow, ref, null, ref);
                } else if ("v".equals(name)) {
                    v = xml.getElementText();
                    depth--;
                } else if ("t".equals(name)) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(xml.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? null : inline.toString();
        }
        if (v == null) {
            return null;
        }
        if (type == null || type.equals("n")) {
            return number(v, style);
        }
        return switch (type) {
            case "s" -> {
                int i = Integer.parseInt(v.trim());
                yield i >= 0 && i < sharedStrings.size() ? sharedStrings.get(i) : null;
            }
            case "b" -> "1".equals(v.trim()) ? "true" : "false";
            default -> v;
        };
    }

    private String number(String raw, String style) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (style != null && isDate(Integer.parseInt(style)) && DateUtil.isValidExcelDate(value.doubleValue())) {
            LocalDateTime t = DateUtil.getLocalDateTime(value.doubleValue());
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }

    private boolean isDate(int styleIndex) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(styleIndex, i -> {
            if (i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public long progressDone() {
        return sheetBytes.count();
    }

    @Override
    public long progressTotal() {
        return sheetSize;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing only
        } finally {
            zip.close();
        }
    }
}
