package org.govshare.dataset.internal.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.platform.Violation;

/**
 * Which JDBC URLs a department may give for its staging database. A JDBC URL is code as much as an
 * address: drivers read local files, load classes or deserialize objects when told to by a URL
 * parameter (PostgreSQL {@code socketFactory}, {@code sslfactory}, {@code loggerFile}; MySQL
 * {@code allowLoadLocalInfile}, {@code autoDeserialize} ...). So only three schemes, a plain
 * {@code //host[:port][,host[:port]]/database} address, and an allow-list of harmless parameters;
 * credentials go in their own fields, never in the URL.
 */
final class JdbcUrlPolicy {

    static final Map<SourceDatabaseKind, Set<String>> ALLOWED_PARAMETERS = Map.of(
        SourceDatabaseKind.POSTGRESQL, Set.of("ssl", "sslmode", "currentSchema", "ApplicationName", "connectTimeout",
            "socketTimeout", "loginTimeout", "tcpKeepAlive", "targetServerType", "gssEncMode", "prepareThreshold",
            "defaultRowFetchSize", "readOnly"),
        SourceDatabaseKind.MARIADB, Set.of("sslMode", "useSsl", "connectTimeout", "socketTimeout", "tcpKeepAlive",
            "characterEncoding", "useUnicode", "serverTimezone", "timezone", "useCompression", "connectionTimeZone"),
        SourceDatabaseKind.MYSQL, Set.of("sslMode", "useSSL", "useSsl", "connectTimeout", "socketTimeout", "tcpKeepAlive",
            "characterEncoding", "useUnicode", "serverTimezone", "timezone", "useCompression", "connectionTimeZone"));

    private static final Pattern HOSTS = Pattern.compile(
        "(?:[A-Za-z0-9](?:[A-Za-z0-9.\\-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?"
            + "(?:,(?:[A-Za-z0-9](?:[A-Za-z0-9.\\-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?){0,7}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_\\-.$\\u4e00-\\u9fa5]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_\\-.:/+ %]{0,200}");

    private JdbcUrlPolicy() {
    }

    /** The kind a URL's scheme names, or null for any other scheme. */
    static SourceDatabaseKind kindOf(String url) {
        if (url == null) {
            return null;
        }
        for (SourceDatabaseKind k : SourceDatabaseKind.values()) {
            if (url.startsWith(k.urlPrefix())) {
                return k;
            }
        }
        return null;
    }

    /** Every rule the URL breaks, each naming the field {@code jdbcUrl}. */
    static List<Violation> check(SourceDatabaseKind kind, String url) {
        List<Violation> out = new ArrayList<>();
        if (url == null || url.isBlank()) {
            out.add(Violation.of("jdbcUrl", "required"));
            return out;
        }
        if (url.length() > 1000) {
            out.add(Violation.of("jdbcUrl", "too-long", 1000));
            return out;
        }
        SourceDatabaseKind scheme = kindOf(url);
        if (scheme == null) {
            out.add(Violation.of("jdbcUrl", "jdbc-url-scheme"));
            return out;
        }
        if (kind != null && kind != scheme) {
            out.add(Violation.of("jdbcUrl", "jdbc-url-kind", kind));
            return out;
        }
        String rest = url.substring(scheme.urlPrefix().length());
        if (rest.indexOf('#') >= 0 || rest.indexOf('@') >= 0 || rest.chars().anyMatch(Character::isWhitespace)) {
            out.add(Violation.of("jdbcUrl", "jdbc-url-invalid"));
            return out;
        }
        int q = rest.indexOf('?');
        String address = q < 0 ? rest : rest.substring(0, q);
        int slash = address.indexOf('/');
        if (slash <= 0 || !HOSTS.matcher(address.substring(0, slash)).matches()
                || !DATABASE.matcher(address.substring(slash + 1)).matches()) {
            out.add(Violation.of("jdbcUrl", "jdbc-url-invalid"));
            return out;
        }
        if (q >= 0) {
            Set<String> allowed = ALLOWED_PARAMETERS.get(scheme);
            String query = rest.substring(q + 1);
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!allowed.contains(name)) {
                    out.add(Violation.of("jdbcUrl", "jdbc-url-parameter", name.isEmpty() ? "?" : name));
                } else if (!VALUE.matcher(value).matches()) {
                    out.add(Violation.of("jdbcUrl", "jdbc-url-parameter", name));
                }
            }
        }
        return out;
    }

    /** The URL the driver is given: MySQL URLs are read with the MariaDB driver, which speaks to both. */
    static String driverUrl(SourceDatabaseKind kind, String url) {
        if (kind == SourceDatabaseKind.MYSQL) {
            return SourceDatabaseKind.MARIADB.urlPrefix() + url.substring(SourceDatabaseKind.MYSQL.urlPrefix().length());
        }
        return url;
    }

}
