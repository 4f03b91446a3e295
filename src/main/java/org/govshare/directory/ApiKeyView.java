package org.govshare.directory;

import java.time.Instant;

/** A key as listed later: its prefix identifies it, the secret is never shown again. */
public record ApiKeyView(String prefix, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
