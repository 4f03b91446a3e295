package org.govshare.dataset.internal.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.platform.Violation;

/**
 * The SQL a pull runs, built only from checked parts: table and column names are plain identifiers
 * (letters, digits, underscore; optionally {@code schema.table}), quoted for the source's dialect; a
 * query is one SELECT or WITH statement (no second statement, no comment to hide one in), and is
 * read in a read-only transaction besides, so even a data-modifying CTE is refused by the server.
 */
final class PullSql {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_\\u4e00-\\u9fa5][A-Za-z0-9_$\\u4e00-\\u9fa5]{0,62}");
    private static final Pattern STARTS = Pattern.compile("(?is)^(select|with)\\b.*");

    private PullSql() {
    }

    static boolean isIdentifier(String s) {
        return s != null && IDENTIFIER.matcher(s).matches();
    }

    /** {@code table} or {@code schema.table}. */
    static boolean isTableName(String s) {
        if (s == null) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String p : parts) {
            if (!isIdentifier(p)) {
                return false;
            }
        }
        return true;
    }

    /** Violations of a query, naming the field {@code query}. */
    static List<Violation> checkQuery(String query) {
        List<Violation> out = new ArrayList<>();
        String q = normalizeQuery(query);
        if (q.isEmpty()) {
            out.add(Violation.of("query", "required"));
        } else if (q.length() > 20000) {
            out.add(Violation.of("query", "too-long", 20000));
        } else if (!STARTS.matcher(q).matches()) {
            out.add(Violation.of("query", "query-not-select"));
        } else {
            String bare = outsideLiterals(q);
            if (bare.contains("--") || bare.contains("/*") || bare.contains("#")) {
                out.add(Violation.of("query", "query-comment"));
            } else if (bare.contains(";")) {
                out.add(Violation.of("query", "query-multiple-statements"));
            }
        }
        return out;
    }

    /** Trimmed, without one trailing semicolon. */
    static String normalizeQuery(String query) {
        String q = query == null ? "" : query.strip();
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        return q;
    }

    /** The text with string literals and quoted identifiers blanked, so a ';' inside '...' does not count. */
    static String outsideLiterals(String q) {
        StringBuilder sb = new StringBuilder(q.length());
        char quote = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '"') {
                    // MySQL escapes inside literals; skipping the next char is conservative for PostgreSQL too
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                sb.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        if (quote != 0) {
            // an unterminated literal could swallow anything: treat it as suspicious
            return sb.append(';').toString();
        }
        return sb.toString();
    }

    static String quote(SourceDatabaseKind kind, String identifier) {
        char q = kind == SourceDatabaseKind.POSTGRESQL ? '"' : '`';
        return q + identifier + q;
    }

    static String quoteTable(SourceDatabaseKind kind, String table) {
        String[] parts = table.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(quote(kind, p));
        }
        return sb.toString();
    }

    /**
     * The statement of one pull: the whole table or query, or (incremental with a watermark reached)
     * only rows past it, with one parameter for the watermark.
     */
    static String select(SourceDatabaseKind kind, String table, String query, String watermarkColumn,
                         boolean afterWatermark) {
        String from = table != null ? quoteTable(kind, table) : "(" + normalizeQuery(query) + ") pull_q";
        StringBuilder sql = new StringBuilder("select * from ").append(from);
        if (afterWatermark) {
            sql.append(" where ").append(quote(kind, watermarkColumn)).append(" > ?");
        }
        return sql.toString();
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
