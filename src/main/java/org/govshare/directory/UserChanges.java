package org.govshare.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record UserChanges(
    @NotBlank @Size(max = 50) String displayName,
    @NotEmpty Set<@NotNull Role> roles,
    @Size(max = 120) @Email String email,
    @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String phone) {
}
