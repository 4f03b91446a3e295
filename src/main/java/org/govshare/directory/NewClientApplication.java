package org.govshare.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record NewClientApplication(@NotNull UUID organizationId, @NotBlank @Size(max = 100) String name,
                                   @Size(max = 500) String description) {
}
