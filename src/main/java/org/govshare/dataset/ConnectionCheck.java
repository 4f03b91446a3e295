package org.govshare.dataset;

import java.time.Instant;

/**
 * The outcome of connecting to a staging database: the server's product and version when it
 * answered {@code select 1}, else a stable {@code code} (source-unreachable, source-login-failed,
 * source-database-unknown, source-query-failed) and the reason in the reader's language.
 */
public record ConnectionCheck(boolean ok, String serverVersion, String code, String message, long millis,
                              Instant checkedAt) {
}
