package org.govshare.exchange.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.govshare.dataset.ItemKind;

/** A published resource as the data service serves it: its items in catalog order, with key kinds. */
record ServedResource(UUID id, String code, String name, UUID providerId, int version, List<Item> items) {

    record Item(String codeName, String name, DataType dataType, Sensitivity sensitivity, ShareType shareType,
                boolean key, ItemKind kind, String description) {

        boolean numeric() {
            return dataType == DataType.INTEGER || dataType == DataType.DECIMAL;
        }
    }

    Optional<Item> item(String codeName) {
        return items.stream().filter(i -> i.codeName().equals(codeName)).findFirst();
    }

    List<Item> keyItems() {
        return items.stream().filter(Item::key).toList();
    }
}
