package org.govshare.catalog.internal.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx sheet by sheet with POI's streaming SAX reader ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}): rows are handed over one at a time and never kept. Cells come as
 * the text a person sees, dates as ISO dates; cells holding a formula are marked (with the formula's
 * text as their value) so the import can refuse them.
 */
final class XlsxReader implements AutoCloseable {

    /** Inflated parts larger than this are refused (a 20 MB upload never needs more). */
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** Compressed size / inflated size below this is taken for a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_ENTRY_BYTES);
    }

    /** One non-empty row: its Excel number (1-based), the values by column index and the formula columns. */
    record Row(int number, Map<Integer, String> values, Set<Integer> formulas) {

        String value(int column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean blank() {
            return formulas.isEmpty() && values.values().stream().allMatch(String::isBlank);
        }
    }

    interface RowHandler {
        /** Returns false to stop reading the sheet. */
        boolean row(Row row);
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;

    private XlsxReader(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        this.styles = reader.getStylesTable();
    }

    static XlsxReader open(Path file) throws IOException, OpenXML4JException, SAXException {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            return new XlsxReader(pkg);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    List<String> sheetNames() throws IOException, OpenXML4JException {
        List<String> names = new ArrayList<>();
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                names.add(it.getSheetName());
            }
        }
        return names;
    }

    /** Reads the named sheet row by row; false if there is no such sheet. */
    boolean read(String sheetName, RowHandler handler) throws IOException, OpenXML4JException, SAXException {
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                if (it.getSheetName().equals(sheetName)) {
                    parse(in, handler);
                    return true;
                }
            }
        }
        return false;
    }

    private void parse(InputStream in, RowHandler handler) throws IOException, SAXException {
        Rows rows = new Rows(handler);
        XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), true);
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        xml.setContentHandler(new FormulaWatch(cells, rows));
        try {
            xml.parse(new InputSource(in));
        } catch (Stop stop) {
            // the handler has what it wanted
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    /** Collects a row's cells and hands the row over at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private Map<Integer, String> values = new HashMap<>();
        private Map<Integer, String> formulas = new HashMap<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            values = new HashMap<>();
            formulas = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            // a formula's text stands for its value, so the report shows what was written
            formulas.forEach((col, f) -> values.put(col, "=" + f));
            Row row = new Row(rowNum + 1, values, new LinkedHashSet<>(formulas.keySet()));
            if (!row.blank() && !handler.row(row)) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null && formattedValue != null) {
                values.put(new CellReference(cellReference).getCol() & 0xffff, formattedValue);
            }
        }
    }

    /**
     * Sits in front of POI's handler and notes every {@code <f>} with its cell: the SheetContentsHandler
     * alone cannot tell a formula's text from a typed value.
     */
    private static final class FormulaWatch extends DefaultHandler {

        private final ContentHandler delegate;
        private final Rows rows;
        private String cellRef;
        private StringBuilder formula;

        FormulaWatch(ContentHandler delegate, Rows rows) {
            this.delegate = delegate;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                cellRef = atts.getValue("r");
            } else if ("f".equals(localName)) {
                formula = new StringBuilder();
            }
            delegate.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("f".equals(localName) && formula != null) {
                if (cellRef != null) {
                    rows.formulas.put(new CellReference(cellRef).getCol() & 0xffff, formula.toString());
                }
                formula = null;
            }
            delegate.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (formula != null) {
                formula.append(ch, start, length);
            }
            delegate.characters(ch, start, length);
        }
    }

    /** Numbers as Excel shows them, except dates, which come out as ISO dates for the parser. */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value);
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
