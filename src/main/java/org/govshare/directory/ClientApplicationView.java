package org.govshare.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ClientApplicationView(UUID id, UUID organizationId, String name, String description, boolean active,
                                    List<ApiKeyView> keys, Instant createdAt) {
}
