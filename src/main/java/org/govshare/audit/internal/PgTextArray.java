package org.govshare.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of a one-dimensional text[] ({@code {a,"b c",NULL}}) without the
 * driver's much slower Array API. Tampered values parse to something; the hash then disagrees.
 */
final class PgTextArray {

    private PgTextArray() {
    }

    static List<String> parse(String literal) {
        if (literal == null) {
            return null;
        }
        int start = literal.indexOf('{');
        int end = literal.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return List.of(literal);
        }
        List<String> out = new ArrayList<>(2);
        if (end == start + 1) {
            return out;
        }
        StringBuilder cur = new StringBuilder(64);
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = start + 1; i < end; i++) {
            char c = literal.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < end) {
                    cur.append(literal.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(element(cur, wasQuoted));
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '\\' && i + 1 < end) {
                cur.append(literal.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        out.add(element(cur, wasQuoted));
        return out;
    }

    private static String element(StringBuilder cur, boolean quoted) {
        String s = quoted ? cur.toString() : cur.toString().trim();
        return !quoted && "NULL".equalsIgnoreCase(s) ? null : s;
    }
}
