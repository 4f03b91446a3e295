package org.govshare.directory;

import jakarta.validation.constraints.Email;
import java.time.Instant;
import java.util.UUID;

public record OrganizationView(UUID id, String name, String shortName, OrganizationType type, UUID parentId,
                               String creditCode, String areaCode, String contactName, String contactPhone,
                               String contactEmail, boolean active, long version, Instant createdAt) {
}
