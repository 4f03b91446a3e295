package org.govshare.catalog;

import java.util.UUID;

/** A data item as the catalog shows it. */
public record DataItemView(String name, String codeName, DataType dataType, Integer length, String description,
                           Sensitivity sensitivity, ShareType shareType, String shareCondition, String legalBasis,
                           String standardName, UUID authoritativeSourceId, boolean key) {
}
