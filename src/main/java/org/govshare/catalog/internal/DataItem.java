package org.govshare.catalog.internal;

import java.util.UUID;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.springframework.data.relational.core.mapping.Table;

@Table("catalog_data_item")
record DataItem(String name, String codeName, DataType dataType, Integer length, String description,
                Sensitivity sensitivity, ShareType shareType, String shareCondition, String legalBasis,
                String standardName, UUID authoritativeSourceId, boolean keyItem) {

    /** Defaults: share type of the resource, "internal" sensitivity, the name as standard name. */
    static DataItem of(DataItemDraft d, ShareType resourceShareType) {
        return new DataItem(d.name().trim(), d.codeName().trim(), d.dataType(), d.length(), blank(d.description()),
            d.sensitivity() == null ? Sensitivity.INTERNAL : d.sensitivity(),
            d.shareType() == null ? resourceShareType : d.shareType(), blank(d.shareCondition()), blank(d.legalBasis()),
            d.standardName() == null || d.standardName().isBlank() ? d.name().trim() : d.standardName().trim(),
            d.authoritativeSourceId(), Boolean.TRUE.equals(d.key()));
    }

    DataItemView view() {
        return new DataItemView(name, codeName, dataType, length, description, sensitivity, shareType, shareCondition,
            legalBasis, standardName, authoritativeSourceId, keyItem);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
