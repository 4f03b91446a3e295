package org.govshare.exchange.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.govshare.exchange.DataServiceManagement.ServiceEntry;
import org.govshare.exchange.DataServiceManagement.ServiceItem;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;

/**
 * What a service description is generated from: the resource, the items a caller gets with the mask
 * each is shown through and whether it can be filtered on, and (for a client) the grant. The same
 * rules as the gateway's: {@link FilterParser#queryable} for a grant, the sensitivity defaults of
 * {@link GrantScope#effectiveMask} for the console's general view. {@code purposes}: what a client's
 * calls may name in X-Purpose (empty in the general view).
 */
record ServiceShape(ServedResource resource, List<Shown> items, String grantNumber, Integer dailyQuota,
                    LocalDate validUntil, List<String> purposes) {

    record Shown(ServedResource.Item item, Mask mask, boolean queryable) {

        boolean masked() {
            return mask.type() != MaskType.NONE;
        }

        /** "SHOW_LAST 4", "HASH"; null when shown as stored. */
        String maskText() {
            return masked() ? mask.type().name() + (mask.n() == null ? "" : " " + mask.n()) : null;
        }

        /** The query parameters the item takes, as FilterParser accepts them. */
        List<String> filters() {
            if (!queryable) {
                return List.of();
            }
            String c = item.codeName();
            List<String> out = new ArrayList<>(List.of(c, c + ".in"));
            if (!item.numeric() && item.dataType() != DataType.BOOLEAN) {
                out.add(c + ".prefix");
            }
            if (item.dataType() != DataType.BOOLEAN && item.sensitivity() != Sensitivity.RESTRICTED) {
                out.add(c + ".from");
                out.add(c + ".to");
            }
            return out;
        }
    }

    /** The calling client's view: exactly its grant. */
    static ServiceShape of(GrantScope scope) {
        List<Shown> shown = scope.items().stream()
            .map(i -> new Shown(i, scope.maskOf(i.codeName()), FilterParser.queryable(scope, i))).toList();
        return new ServiceShape(scope.resource(), shown, scope.grantNumber(), scope.dailyQuota(),
            scope.grant().validUntil(), scope.grant().purposes());
    }

    /** What the client may call on the scope's resource, for the allowed-methods lists. */
    static ServiceEntry entry(GrantScope scope, long usedToday) {
        ServiceShape shape = of(scope);
        ServedResource r = scope.resource();
        List<ServiceItem> items = shape.items().stream().map(s -> new ServiceItem(s.item().codeName(), s.item().name(),
            s.item().dataType().name(), s.mask().type().name(), s.mask().n())).toList();
        List<String> queryable = shape.items().stream().filter(Shown::queryable).map(s -> s.item().codeName()).toList();
        List<String> keys = r.keyItems().stream().map(ServedResource.Item::codeName).toList();
        return new ServiceEntry(r.code(), r.name(), r.id(), r.providerId(), scope.grantNumber(), items, queryable, keys,
            shape.methods(), scope.dailyQuota(), usedToday, scope.grant().validUntil(), shape.purposes());
    }

    /** The general view: every item that may be shared at all, masked as a grant without masks would be. */
    static ServiceShape shareable(ServedResource resource) {
        List<Shown> shown = resource.items().stream().filter(i -> i.shareType() != ShareType.NOT_SHARED)
            .map(i -> {
                Mask mask = GrantScope.effectiveMask(null, i.sensitivity());
                return new Shown(i, mask, i.dataType() != DataType.BINARY && mask.type() == MaskType.NONE);
            }).toList();
        return new ServiceShape(resource, shown, null, null, null, List.of());
    }

    /** The gateway's methods for this resource: lookup needs one key item, verification at least one. */
    static List<String> methods(ServedResource resource) {
        List<String> methods = new ArrayList<>();
        int keys = resource.keyItems().size();
        if (keys == 1) {
            methods.add("lookup");
        }
        methods.add("query");
        if (keys > 0) {
            methods.add("verify");
        }
        methods.add("export");
        return methods;
    }

    /** As {@link #methods(ServedResource)}, but verification only when every key item is among the items shown. */
    List<String> methods() {
        List<String> methods = new ArrayList<>(methods(resource));
        if (!resource.keyItems().stream().allMatch(k -> shown(k.codeName()) != null)) {
            methods.remove("verify");
        }
        return methods;
    }

    Shown shown(String codeName) {
        return items.stream().filter(s -> s.item().codeName().equals(codeName)).findFirst().orElse(null);
    }

    boolean forClient() {
        return grantNumber != null;
    }
}
