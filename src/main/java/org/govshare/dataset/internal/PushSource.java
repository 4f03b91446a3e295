package org.govshare.dataset.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govshare.dataset.PushBatch;
import org.govshare.dataset.internal.load.RowSource;

/**
 * A pushed batch as rows of text: the upserts first (rows 1..n), then the delete markers, each
 * value rendered canonically (plain numbers, booleans true/false) so the checks read it like a file.
 */
final class PushSource implements RowSource {

    static final String DELETE_COLUMN = "__delete";

    private final List<String> columns;
    private final List<Map<String, Object>> upserts;
    private final List<Map<String, Object>> deletes;
    private int next;

    PushSource(List<String> items, PushBatch batch) {
        List<String> c = new ArrayList<>(items);
        c.add(DELETE_COLUMN);
        this.columns = List.copyOf(c);
        this.upserts = batch.upserts();
        this.deletes = batch.deletes();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() {
        int total = upserts.size() + deletes.size();
        if (next >= total) {
            return null;
        }
        boolean delete = next >= upserts.size();
        Map<String, Object> record = delete ? deletes.get(next - upserts.size()) : upserts.get(next);
        next++;
        String[] row = new String[columns.size()];
        for (int i = 0; i < columns.size() - 1; i++) {
            row[i] = record == null ? null : text(record.get(columns.get(i)));
        }
        row[row.length - 1] = delete ? "D" : null;
        return row;
    }

    @Override
    public long rowNumber() {
        return next;
    }

    @Override
    public long progressDone() {
        return next;
    }

    @Override
    public long progressTotal() {
        return upserts.size() + deletes.size();
    }

    @Override
    public void close() {
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString()).toPlainString();
        }
        if (v instanceof BigInteger || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return v.toString();
    }

    static boolean scalar(Object v) {
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean;
    }
}
