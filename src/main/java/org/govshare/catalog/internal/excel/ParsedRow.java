package org.govshare.catalog.internal.excel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.internal.excel.Column.Sheet;

/**
 * A row of one of the data sheets: its Excel number, the cell texts of the known columns, and the
 * columns already reported as unreadable (so a rule does not report the same cell again).
 */
final class ParsedRow {

    final Sheet sheet;
    final int number;
    final String[] values = new String[Column.values().length];
    final Set<Column> bad = EnumSet.noneOf(Column.class);

    ParsedRow(Sheet sheet, int number) {
        this.sheet = sheet;
        this.number = number;
    }

    String value(Column c) {
        return values[c.ordinal()];
    }

    /** A row of the 资源 sheet with the rows of its data items. */
    static final class Resource {
        final String key;
        final ParsedRow row;
        final List<ParsedRow> itemRows = new ArrayList<>();
        final List<DataItemDraft> items = new ArrayList<>();
        ResourceDraft draft;
        boolean rejected;

        /** Whether any cell of the resource's row or of its items' rows has a problem. */
        boolean flawed() {
            return rejected || !row.bad.isEmpty() || itemRows.stream().anyMatch(i -> !i.bad.isEmpty());
        }

        Resource(String key, ParsedRow row) {
            this.key = key;
            this.row = row;
        }
    }
}
