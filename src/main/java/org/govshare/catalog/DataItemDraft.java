package org.govshare.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A data item (信息项) as a provider describes it. */
public record DataItemDraft(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9_]*") String codeName,
    @NotNull DataType dataType,
    @Positive Integer length,
    @Size(max = 1000) String description,
    Sensitivity sensitivity,
    ShareType shareType,
    @Size(max = 1000) String shareCondition,
    @Size(max = 2000) String legalBasis,
    @Size(max = 100) String standardName,
    UUID authoritativeSourceId,
    Boolean key) {
}
