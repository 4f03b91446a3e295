package org.govshare.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordReset(@NotBlank @Size(min = 10, max = 128) String password) {
}
