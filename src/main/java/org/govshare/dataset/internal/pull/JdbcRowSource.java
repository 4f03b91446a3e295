package org.govshare.dataset.internal.pull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;

/**
 * The rows of one pull, streamed from a JDBC result set (fetch size rows per round trip, never the
 * whole result in memory), values rendered canonically: numbers plain, dates and times ISO-8601,
 * booleans true/false, bytes base64, SQL NULL null. Tracks the greatest watermark value read, which
 * the runner keeps only once the load has been applied. Any SQL error while reading (a lost
 * connection, a cancelled statement) ends the load: nothing of it is applied.
 */
final class JdbcRowSource implements RowSource {

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> columns;
    private final int[] types;
    private final String[] typeNames;
    private final int watermarkIndex;
    private Comparable<Object> watermark;
    private long row;

    /**
     * @param renames       source column label (lower case) to the name reported (an item's code name), or empty
     * @param watermarkName the watermark column's label, or null
     */
    JdbcRowSource(Connection connection, PreparedStatement statement, ResultSet rows, Map<String, String> renames,
                  String watermarkName) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        ResultSetMetaData md = rows.getMetaData();
        int n = md.getColumnCount();
        columns = new ArrayList<>(n);
        types = new int[n];
        typeNames = new String[n];
        int wm = -1;
        for (int i = 0; i < n; i++) {
            String label = md.getColumnLabel(i + 1);
            columns.add(renames.getOrDefault(label.toLowerCase(java.util.Locale.ROOT), label));
            types[i] = md.getColumnType(i + 1);
            typeNames[i] = md.getColumnTypeName(i + 1);
            if (watermarkName != null && label.equalsIgnoreCase(watermarkName)) {
                wm = i;
            }
        }
        this.watermarkIndex = wm;
    }

    /** Whether the watermark column is among the result's columns. */
    boolean hasWatermarkColumn() {
        return watermarkIndex >= 0;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() throws SourceException {
        try {
            if (!rows.next()) {
                return null;
            }
            row++;
            String[] out = new String[types.length];
            for (int i = 0; i < types.length; i++) {
                Object v = read(i);
                if (i == watermarkIndex && v instanceof Comparable<?> c) {
                    @SuppressWarnings("unchecked")
                    Comparable<Object> cv = (Comparable<Object>) c;
                    if (watermark == null || cv.compareTo(watermark) > 0) {
                        watermark = cv;
                    }
                }
                out[i] = render(v);
            }
            return out;
        } catch (SQLException e) {
            throw failure(e, row + 1);
        }
    }

    /** The greatest watermark value read, canonical text, or null. */
    String watermark() {
        return watermark == null ? null : render(watermark);
    }

    int watermarkType() {
        return watermarkIndex < 0 ? Types.VARCHAR : bindType(types[watermarkIndex], typeNames[watermarkIndex]);
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public long progressDone() {
        return row;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (SQLException ignored) {
            // closing the connection releases it anyway
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // as above
        }
        SourceConnector.close(connection);
    }

    static SourceException failure(SQLException e, Long row) {
        String code = SourceConnector.classify(e);
        String loadCode = code.equals("source-query-failed") ? code : "source-unreachable";
        String reason = SourceConnector.reason(e);
        return new SourceException(loadCode, row, reason, e, reason);
    }

    private Object read(int i) throws SQLException {
        int col = i + 1;
        switch (types[i]) {
            case Types.DATE:
                return rows.getObject(col, LocalDate.class);
            case Types.TIMESTAMP:
                if (typeNames[i] != null && typeNames[i].equalsIgnoreCase("timestamptz")) {
                    return rows.getObject(col, OffsetDateTime.class);
                }
                return rows.getObject(col, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rows.getObject(col, OffsetDateTime.class);
            case Types.TIME:
                return rows.getObject(col, LocalTime.class);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return rows.getBytes(col);
            case Types.NUMERIC:
            case Types.DECIMAL:
                return rows.getBigDecimal(col);
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                long l = rows.getLong(col);
                return rows.wasNull() ? null : l;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                double d = rows.getDouble(col);
                if (rows.wasNull()) {
                    return null;
                }
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : Double.toString(d);
            case Types.BIT:
            case Types.BOOLEAN:
                Object b = rows.getObject(col);
                return b instanceof Boolean ? b : b == null ? null : rows.getString(col);
            default:
                return rows.getString(col);
        }
    }

    static String render(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        if (v instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (v instanceof LocalTime t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return v.toString();
    }

    /** How a stored watermark is bound again: by the kind of value it was read as. */
    private static int bindType(int type, String typeName) {
        return switch (type) {
            case Types.DATE -> Types.DATE;
            case Types.TIMESTAMP -> typeName != null && typeName.equalsIgnoreCase("timestamptz")
                ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Types.TIMESTAMP_WITH_TIMEZONE;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Types.BIGINT;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> Types.NUMERIC;
            default -> Types.VARCHAR;
        };
    }

    /** Binds a stored watermark as the type it was read as. */
    static void bindWatermark(PreparedStatement ps, int index, String value, int type) throws SQLException {
        switch (type) {
            case Types.DATE -> ps.setObject(index, LocalDate.parse(value));
            case Types.TIMESTAMP -> ps.setObject(index, LocalDateTime.parse(value));
            case Types.TIMESTAMP_WITH_TIMEZONE -> ps.setObject(index, OffsetDateTime.parse(value));
            case Types.BIGINT -> ps.setLong(index, Long.parseLong(value));
            case Types.NUMERIC -> ps.setBigDecimal(index, new BigDecimal(value));
            default -> ps.setString(index, value);
        }
    }
}
