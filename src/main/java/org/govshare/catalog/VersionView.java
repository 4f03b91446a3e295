package org.govshare.catalog;

import java.time.Instant;

/** A published version of a resource and who approved it. */
public record VersionView(int version, Instant publishedAt, String approvedBy, String changeNote, ResourceView content) {
}
