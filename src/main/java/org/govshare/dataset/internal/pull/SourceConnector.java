package org.govshare.dataset.internal.pull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.govshare.dataset.SourceDatabaseKind;

/**
 * Opens one connection to a staging database for one pull or test: no pool (pulls are rare and
 * each wants its own session), the driver chosen by the checked kind rather than whatever
 * {@code DriverManager} finds, credentials passed as properties, short connect timeout, and the
 * session made read-only before anything is read.
 */
final class SourceConnector {

    private SourceConnector() {
    }

    static Connection open(SourceDatabaseKind kind, String url, String user, String password, Duration connectTimeout,
                           Duration socketTimeout) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        int connectSeconds = (int) Math.max(1, connectTimeout.toSeconds());
        Connection c;
        if (kind == SourceDatabaseKind.POSTGRESQL) {
            p.setProperty("connectTimeout", Integer.toString(connectSeconds));
            p.setProperty("loginTimeout", Integer.toString(connectSeconds));
            p.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
            p.setProperty("ApplicationName", "govshare-pull");
            p.setProperty("tcpKeepAlive", "true");
            c = new org.postgresql.Driver().connect(url, p);
        } else {
            p.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
            p.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
            p.setProperty("allowLoadLocalInfile", "false");
            p.setProperty("tcpKeepAlive", "true");
            c = new org.mariadb.jdbc.Driver().connect(JdbcUrlPolicy.driverUrl(kind, url), p);
        }
        if (c == null) {
            throw new SQLException("the driver does not accept this URL", "08001");
        }
        try {
            if (kind == SourceDatabaseKind.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("set session characteristics as transaction read only");
                }
                c.setReadOnly(true);
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("set session transaction read only");
                }
            }
            // autocommit off: PostgreSQL only streams with a cursor inside a transaction
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            close(c);
            throw e;
        }
    }

    static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection may already be gone; closing is all that is left
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }

    /**
     * A stable code for what went wrong: the connection (08 class, admin shutdown, I/O),
     * the login (28), the database name (3D000, MySQL 1049), or the statement.
     */
    static String classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28") || e.getErrorCode() == 1045) {
            return "source-login-failed";
        }
        if (state.equals("3D000") || e.getErrorCode() == 1049) {
            return "source-database-unknown";
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLRecoverableException || e.getCause() instanceof java.io.IOException) {
            return "source-unreachable";
        }
        return "source-query-failed";
    }

    /** The driver's reason on one line, without the stack of causes. */
    static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}
