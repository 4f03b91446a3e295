package org.govshare.catalog.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.Classification;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the catalog pages show besides the resources themselves: classification and organization
 * names, the grouped classification select, and local times. Also the template helper
 * {@code @catalogViews} (times in the display zone, waiting times in words).
 */
@Component("catalogViews")
class CatalogViews {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final MessageSource messages;
    private final ZoneId zone;

    CatalogViews(CatalogManagement catalog, DirectoryManagement directory, MessageSource messages,
                 @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.catalog = catalog;
        this.directory = directory;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** An option of the classification select: 项 and 目 indented under their 类 (an optgroup). */
    record Option(String code, String label, int depth) {
    }

    record Group(String label, List<Option> options) {
    }

    List<Group> classificationGroups(Locale locale) {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> byTop = new LinkedHashMap<>();
        List<Classification> all = catalog.classifications();
        for (Classification c : all) {
            if (c.level() == 1) {
                Group g = new Group(c.code() + " " + name(c, locale), new ArrayList<>());
                byTop.put(c.code(), g);
                groups.add(g);
            }
        }
        // depth-first under each top class, in code order
        for (Classification c : all.stream().filter(c -> c.level() > 1)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            Group g = byTop.get(top(c, all));
            if (g != null) {
                g.options().add(new Option(c.code(), c.code() + " " + name(c, locale), c.level() - 2));
            }
        }
        return groups;
    }

    private static String top(Classification c, List<Classification> all) {
        Classification at = c;
        while (at != null && at.parentCode() != null) {
            String parent = at.parentCode();
            at = all.stream().filter(x -> x.code().equals(parent)).findFirst().orElse(null);
        }
        return at == null ? null : at.code();
    }

    Map<String, String> classificationNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.classifications().forEach(c -> names.put(c.code(), name(c, locale)));
        return names;
    }

    private static String name(Classification c, Locale locale) {
        return "en".equals(locale.getLanguage()) && c.nameEn() != null ? c.nameEn() : c.name();
    }

    /** Organizations that can provide or be the authoritative source of data (not enterprises). */
    List<OrganizationView> providers() {
        return directory.allOrganizations().stream()
            .filter(o -> o.active() && o.type() != OrganizationType.ENTERPRISE).toList();
    }

    Map<UUID, String> organizationNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        directory.allOrganizations().forEach(o -> names.put(o.id(), o.shortName() != null ? o.shortName() : o.name()));
        return names;
    }

    // ---- template helpers

    public String time(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(zone));
    }

    /** How long something has waited, in days and hours (or hours and minutes when under a day). */
    public String waiting(Instant since) {
        if (since == null) {
            return "";
        }
        Duration d = Duration.between(since, Instant.now());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return d.toDays() > 0
            ? messages.getMessage("catalog.waiting.days", new Object[]{d.toDays(), d.toHoursPart()}, locale)
            : messages.getMessage("catalog.waiting.hours", new Object[]{d.toHours(), d.toMinutesPart()}, locale);
    }

    /** Waiting longer than this many days shows in warning colours. */
    public boolean overdue(Instant since, int days) {
        return since != null && Duration.between(since, Instant.now()).toDays() >= days;
    }
}
