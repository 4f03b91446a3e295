package org.govshare.catalog.internal.excel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.ss.util.CellReference;
import org.govshare.catalog.Classification;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.catalog.internal.excel.Column.Sheet;
import org.xml.sax.SAXException;

/**
 * Turns the two data sheets into resource drafts, cell by cell. What cannot be read (an unknown
 * label, a formula, text where a number belongs, an item whose resource is missing) becomes a
 * problem at its cell and leaves the field empty; the catalog's own rules judge the rest later.
 */
final class ImportParser {

    static final int MAX_RESOURCE_ROWS = 10_000;
    static final int MAX_ITEM_ROWS = 100_000;

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
        DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** What the parse found: the resources in file order, the problems, the number of data rows. */
    static final class Result {
        final List<ParsedRow.Resource> resources = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Map<Sheet, Map<Column, Integer>> columns = new EnumMap<>(Sheet.class);
        int rows;
        boolean fatal;

        Problem at(ParsedRow row, Column column, String code, String messageKey, List<String> args) {
            Integer index = columns.get(row.sheet).get(column);
            row.bad.add(column);
            return new Problem(row.sheet.title, row.number, index == null ? null : CellReference.convertNumToColString(index),
                column.header, row.value(column), code, messageKey, args);
        }
    }

    private final Map<String, Classification> classifications = new HashMap<>();
    private final Map<String, String> classificationByName = new HashMap<>();
    private final Map<String, UUID> organizations;

    ImportParser(List<Classification> classifications, Map<String, UUID> organizationsByName) {
        for (Classification c : classifications) {
            this.classifications.put(c.code(), c);
            classificationByName.merge(c.name(), c.code(), (a, b) -> "");
        }
        this.organizations = organizationsByName;
    }

    /**
     * Reads the workbook; {@code progress} hears the number of data rows read so far.
     * Structure problems (no such sheet, a missing header, too many rows) are fatal.
     */
    Result parse(Path file, IntConsumer progress) throws IOException, OpenXML4JException, SAXException {
        Result result = new Result();
        Map<String, ParsedRow.Resource> byKey = new LinkedHashMap<>();
        try (XlsxReader reader = XlsxReader.open(file)) {
            for (Sheet sheet : Sheet.values()) {
                int[] count = {0};
                boolean found = reader.read(sheet.title, row -> {
                    if (!result.columns.containsKey(sheet)) {
                        return header(result, sheet, row);
                    }
                    if (row.number() == 1) {
                        return true;
                    }
                    int max = sheet == Sheet.RESOURCES ? MAX_RESOURCE_ROWS : MAX_ITEM_ROWS;
                    if (++count[0] > max) {
                        result.problems.add(new Problem(sheet.title, row.number(), null, null, null, "too-many-rows",
                            "excel.problem.too-many-rows", Problem.strings(max)));
                        result.fatal = true;
                        return false;
                    }
                    result.rows++;
                    if (result.rows % 1000 == 0) {
                        progress.accept(result.rows);
                    }
                    ParsedRow parsed = read(result, sheet, row);
                    if (sheet == Sheet.RESOURCES) {
                        resourceRow(result, byKey, parsed);
                    } else {
                        itemRow(result, byKey, parsed);
                    }
                    return true;
                });
                if (!found) {
                    result.problems.add(Problem.file("sheet-missing", sheet.title));
                    result.fatal = true;
                }
                if (found && !result.columns.containsKey(sheet)) {
                    result.problems.add(Problem.file("header-missing", sheet.title, Column.of(sheet).get(0).header));
                    result.fatal = true;
                }
                if (result.fatal) {
                    return result;
                }
            }
        }
        for (ParsedRow.Resource r : result.resources) {
            r.draft = draft(result, r);
        }
        return result;
    }

    /** Maps the header row; a missing mandatory column is a problem of the whole sheet. */
    private static boolean header(Result result, Sheet sheet, XlsxReader.Row row) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        row.values().forEach((index, text) -> Column.byHeader(sheet, text).ifPresent(c -> found.putIfAbsent(c, index)));
        result.columns.put(sheet, found);
        for (Column c : Column.of(sheet)) {
            if (c.required && !found.containsKey(c)) {
                result.problems.add(new Problem(sheet.title, row.number(), null, c.header, null, "header-missing",
                    "excel.problem.header-missing", Problem.strings(sheet.title, c.header)));
                result.fatal = true;
            }
        }
        return !result.fatal;
    }

    private static ParsedRow read(Result result, Sheet sheet, XlsxReader.Row row) {
        ParsedRow parsed = new ParsedRow(sheet, row.number());
        result.columns.get(sheet).forEach((column, index) -> {
            parsed.values[column.ordinal()] = row.value(index);
            if (row.formulas().contains(index)) {
                result.problems.add(result.at(parsed, column, "formula-not-allowed", "excel.problem.formula-not-allowed",
                    List.of()));
            }
        });
        return parsed;
    }

    private void resourceRow(Result result, Map<String, ParsedRow.Resource> byKey, ParsedRow row) {
        String key = row.value(Column.R_KEY);
        if (Column.EXAMPLE_KEY.equals(key)) {
            return;
        }
        ParsedRow.Resource resource = new ParsedRow.Resource(key, row);
        if (key == null || row.bad.contains(Column.R_KEY)) {
            if (key == null) {
                result.problems.add(result.at(row, Column.R_KEY, "key-required", "excel.problem.key-required", List.of()));
            }
            resource.rejected = true;
            result.resources.add(resource);
            return;
        }
        ParsedRow.Resource first = byKey.putIfAbsent(key, resource);
        if (first != null) {
            result.problems.add(result.at(row, Column.R_KEY, "key-duplicate", "excel.problem.key-duplicate",
                Problem.strings(key, first.row.number)));
            resource.rejected = true;
        }
        result.resources.add(resource);
    }

    private void itemRow(Result result, Map<String, ParsedRow.Resource> byKey, ParsedRow row) {
        String key = row.value(Column.I_KEY);
        if (Column.EXAMPLE_KEY.equals(key)) {
            return;
        }
        if (key == null) {
            if (!row.bad.contains(Column.I_KEY)) {
                result.problems.add(result.at(row, Column.I_KEY, "key-required", "excel.problem.key-required", List.of()));
            }
            return;
        }
        ParsedRow.Resource resource = byKey.get(key);
        if (resource == null) {
            result.problems.add(result.at(row, Column.I_KEY, "key-unknown", "excel.problem.key-unknown",
                Problem.strings(key)));
            return;
        }
        Cells c = new Cells(result, row);
        resource.itemRows.add(row);
        resource.items.add(new DataItemDraft(c.text(Column.I_NAME), c.text(Column.I_CODE_NAME),
            c.label(Column.I_DATA_TYPE, DataType.class), c.integer(Column.I_LENGTH), c.text(Column.I_DESCRIPTION),
            c.label(Column.I_SENSITIVITY, Sensitivity.class), c.label(Column.I_SHARE_TYPE, ShareType.class),
            c.text(Column.I_SHARE_CONDITION), c.text(Column.I_LEGAL_BASIS), c.text(Column.I_STANDARD_NAME),
            c.organization(Column.I_SOURCE), c.yesNo(Column.I_KEY_ITEM)));
    }

    private ResourceDraft draft(Result result, ParsedRow.Resource r) {
        Cells c = new Cells(result, r.row);
        ResourceDraft draft = new ResourceDraft(c.classification(), c.text(Column.R_NAME), c.text(Column.R_SUMMARY),
            c.label(Column.R_FORMAT, ResourceFormat.class), c.label(Column.R_SHARE_TYPE, ShareType.class),
            c.text(Column.R_SHARE_CONDITION), c.label(Column.R_SHARE_MODE, ShareMode.class),
            c.label(Column.R_OPEN_TYPE, OpenType.class), c.text(Column.R_OPEN_CONDITION),
            c.label(Column.R_UPDATE_CYCLE, UpdateCycle.class), c.date(Column.R_RELEASE_DATE), c.codes(Column.R_RELATED),
            c.text(Column.R_LEGAL_BASIS), c.text(Column.R_KEYWORDS), r.items);
        return draft;
    }

    /** Reads typed values from one row, recording a problem per unreadable cell. */
    private final class Cells {
        private final Result result;
        private final ParsedRow row;

        Cells(Result result, ParsedRow row) {
            this.result = result;
            this.row = row;
        }

        private void problem(Column column, String code, Object... args) {
            result.problems.add(result.at(row, column, code, "excel.problem." + code, Problem.strings(args)));
        }

        /** The cell's text, or null if empty or already refused (a formula). */
        String text(Column column) {
            return row.bad.contains(column) ? null : row.value(column);
        }

        <E extends Enum<E>> E label(Column column, Class<E> type) {
            String t = text(column);
            if (t == null) {
                return null;
            }
            Optional<E> value = Labels.parse(type, t);
            if (value.isEmpty()) {
                problem(column, "unknown-label", t, String.join("、", Labels.all(type)));
                return null;
            }
            return value.get();
        }

        Integer integer(Column column) {
            String t = text(column);
            if (t == null) {
                return null;
            }
            try {
                return new BigDecimal(t.replace(",", "")).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                problem(column, "not-an-integer", t);
                return null;
            }
        }

        Boolean yesNo(Column column) {
            String t = text(column);
            if (t == null) {
                return null;
            }
            Optional<Boolean> b = Labels.parseBoolean(t);
            if (b.isEmpty()) {
                problem(column, "not-yes-no", t);
                return null;
            }
            return b.get();
        }

        LocalDate date(Column column) {
            String t = text(column);
            if (t == null) {
                return null;
            }
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(t, f);
                } catch (DateTimeParseException e) {
                    // next pattern
                }
            }
            if (t.matches("\\d{5}(\\.0+)?")) {
                // an Excel date serial whose cell lost its date format (1927 to 2173)
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(Double.parseDouble(t)).toLocalDate();
            }
            try {
                return LocalDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException e) {
                problem(column, "not-a-date", t);
                return null;
            }
        }

        UUID organization(Column column) {
            String t = text(column);
            if (t == null) {
                return null;
            }
            UUID id = organizations.get(t);
            if (id == null) {
                try {
                    id = UUID.fromString(t);
                } catch (IllegalArgumentException e) {
                    problem(column, "unknown-organization", t);
                }
            }
            return id;
        }

        /** "303001", "303001 市场主体登记" (the dropdown's form) or a unique classification name. */
        String classification() {
            String t = text(Column.R_CLASSIFICATION);
            if (t == null) {
                return null;
            }
            String code = t.split("[\\s\\u3000]+", 2)[0];
            if (!classifications.containsKey(code)) {
                String byName = classificationByName.get(t);
                if (byName != null && !byName.isEmpty()) {
                    return byName;
                }
            }
            return code;
        }

        List<String> codes(Column column) {
            String t = text(column);
            return t == null ? List.of() : Arrays.stream(t.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
        }
    }
}
