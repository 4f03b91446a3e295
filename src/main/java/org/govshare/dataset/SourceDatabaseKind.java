package org.govshare.dataset;

/** The database product behind a department's staging database (前置库); MYSQL is read with the MariaDB driver. */
public enum SourceDatabaseKind {
    POSTGRESQL("jdbc:postgresql://"), MARIADB("jdbc:mariadb://"), MYSQL("jdbc:mysql://");

    private final String urlPrefix;

    SourceDatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The only JDBC URL prefix accepted for this kind. */
    public String urlPrefix() {
        return urlPrefix;
    }
}
