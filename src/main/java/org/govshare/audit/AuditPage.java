package org.govshare.audit;

import java.util.List;

/** A page of search results, {@code page} counted from 0. */
public record AuditPage(List<AuditEntry> items, int page, int size, long totalElements, int totalPages) {
}
