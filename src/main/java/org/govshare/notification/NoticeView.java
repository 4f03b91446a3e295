package org.govshare.notification;

import java.time.Instant;
import java.util.UUID;

/** A notice as its reader sees it: the message rendered in the reader's language, and whether they read it. */
public record NoticeView(UUID id, String kind, String message, String link, String subjectType, String subjectId,
                         Instant createdAt, boolean read) {
}
