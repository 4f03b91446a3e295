package org.govshare.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The core metadata of an information resource (GB/T 21063.3) as its provider enters it. The
 * rules that tie fields together (a condition for conditional sharing, a legal basis for not
 * sharing, basic resources always unconditional) are checked by the catalog, field by field.
 */
public record ResourceDraft(
    @NotBlank String classificationCode,
    @NotBlank @Size(max = 100) String name,
    @Size(max = 2000) String summary,
    @NotNull ResourceFormat format,
    @NotNull ShareType shareType,
    @Size(max = 1000) String shareCondition,
    ShareMode shareMode,
    @NotNull OpenType openType,
    @Size(max = 1000) String openCondition,
    @NotNull UpdateCycle updateCycle,
    LocalDate releaseDate,
    List<@NotBlank String> relatedResourceCodes,
    @Size(max = 2000) String legalBasis,
    @Size(max = 500) String keywords,
    @NotEmpty @Size(max = 500) List<@Valid @NotNull DataItemDraft> dataItems) {

    public ResourceDraft {
        relatedResourceCodes = relatedResourceCodes == null ? List.of() : List.copyOf(relatedResourceCodes);
    }
}
