package org.govshare.sharing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.DataItemView;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.Mask;
import org.govshare.sharing.RowFilter;
import org.springframework.context.MessageSource;

/**
 * What the sharing pages show in words, looked up once per request: department names, data item
 * names, row filters as readable conditions ("行政区划（xzqh）以 510112 开头"), masks in words
 * ("保留后4位"), and the running deadline.
 */
final class SharingNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Map<UUID, OrganizationView> organizations = new LinkedHashMap<>();
    private final Map<String, String> itemNames = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    SharingNames(List<OrganizationView> organizations, List<DataItemView> items, MessageSource messages, Locale locale,
                 ZoneId zone) {
        organizations.forEach(o -> this.organizations.put(o.id(), o));
        if (items != null) {
            items.forEach(i -> itemNames.put(i.codeName(), i.name()));
        }
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    public String org(UUID id) {
        if (id == null) {
            return "";
        }
        OrganizationView o = organizations.get(id);
        return o == null ? id.toString() : o.name();
    }

    boolean isAuthority(UUID id) {
        OrganizationView o = id == null ? null : organizations.get(id);
        return o != null && o.type() == OrganizationType.AUTHORITY;
    }

    /** The item's name with its code: 法定代表人（fddbr）; the code alone when the resource no longer has it. */
    public String item(String code) {
        String name = itemNames.get(code);
        if (name == null) {
            return code;
        }
        return "zh".equals(locale.getLanguage()) ? name + "（" + code + "）" : name + " (" + code + ")";
    }

    public String itemName(String code) {
        String name = itemNames.get(code);
        return name == null ? code : name;
    }

    public String filter(RowFilter f) {
        String item = item(f.item());
        List<String> v = f.values();
        if (f.op() == FilterOp.RANGE) {
            String from = v.isEmpty() ? "" : v.get(0);
            String to = v.size() < 2 ? "" : v.get(1);
            if (from == null || from.isEmpty()) {
                return msg("sharing.filter.RANGE.to", item, to);
            }
            if (to == null || to.isEmpty()) {
                return msg("sharing.filter.RANGE.from", item, from);
            }
            return msg("sharing.filter.RANGE", item, from, to);
        }
        return msg("sharing.filter." + f.op(), item, String.join(msg("sharing.filter.separator"), v));
    }

    public String mask(Mask m) {
        if (m == null || m.type() == null) {
            return msg("sharing.mask.NONE");
        }
        return msg("sharing.mask." + m.type(), m.n() == null ? "" : m.n());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    /** The running deadline's level: overdue, warning (2 working days or fewer), normal, or none. */
    public String deadlineLevel(ApplicationView a) {
        if (!a.state().open()) {
            return "none";
        }
        if (a.overdue() || a.workingDaysLeft() != null && a.workingDaysLeft() < 0) {
            return "overdue";
        }
        if (a.dueDate() == null) {
            return "paused";
        }
        return a.workingDaysLeft() != null && a.workingDaysLeft() <= 2 ? "warning" : "normal";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
