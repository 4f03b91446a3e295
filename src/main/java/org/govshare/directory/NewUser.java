package org.govshare.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

public record NewUser(
    @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[a-z][a-z0-9_.-]*") String username,
    @NotBlank @Size(max = 50) String displayName,
    @NotNull UUID organizationId,
    @NotBlank @Size(min = 10, max = 128) String password,
    @NotEmpty Set<@NotNull Role> roles,
    @Size(max = 120) @Email String email,
    @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String phone) {
}
