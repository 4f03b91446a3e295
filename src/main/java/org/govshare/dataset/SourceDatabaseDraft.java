package org.govshare.dataset;

/**
 * A staging database as its owner enters it. {@code password} is write-only: null or empty when
 * changing keeps the stored one; it is sealed at once and no answer ever carries it back.
 */
public record SourceDatabaseDraft(String name, SourceDatabaseKind kind, String jdbcUrl, String username,
                                  String password) {

    @Override
    public String toString() {
        return "SourceDatabaseDraft[name=" + name + ", kind=" + kind + ", jdbcUrl=" + jdbcUrl + ", username=" + username
            + ", password=" + (password == null || password.isEmpty() ? "" : "******") + "]";
    }
}
