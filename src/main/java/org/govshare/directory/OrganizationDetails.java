package org.govshare.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record OrganizationDetails(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 30) String shortName,
    @NotNull OrganizationType type,
    UUID parentId,
    @NotBlank String creditCode,
    @Size(max = 50) String contactName,
    @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String contactPhone,
    @Size(max = 120) @Email String contactEmail) {
}
