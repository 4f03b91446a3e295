package org.govshare.directory;

import java.time.Instant;
import java.util.UUID;

/** The only time a key's secret is visible: the response to issuing or rotating it. */
public record IssuedApiKey(UUID clientApplicationId, String prefix, String apiKey, Instant createdAt) {
}
