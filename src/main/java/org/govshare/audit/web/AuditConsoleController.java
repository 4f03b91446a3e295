package org.govshare.audit.web;

import org.govshare.platform.ConsolePage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditPage;
import org.govshare.audit.AuditActivity;
import org.govshare.audit.AuditQueries;
import org.govshare.audit.AuditSearch;
import org.govshare.audit.AuditVerification;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's audit page: filter form, the page of entries with organization names and local
 * times, and (for platform administrators and auditors) a button that verifies the chain.
 */
@ConsolePage
@RequestMapping("/audit")
class AuditConsoleController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditQueries queries;
    private final AuditVerification verification;
    private final DirectoryManagement directory;
    private final ZoneId zone;
    private final MessageSource messages;

    AuditConsoleController(AuditQueries queries, AuditVerification verification, DirectoryManagement directory,
                           @Value("${govshare.display-zone:Asia/Shanghai}") String zone, MessageSource messages) {
        this.messages = messages;
        this.queries = queries;
        this.verification = verification;
        this.directory = directory;
        this.zone = ZoneId.of(zone);
    }

    /** The dashboard chart's data: the last 14 days by outcome, within the reader's scope. */
    @GetMapping(path = "/activity", produces = "application/json")
    @ResponseBody
    Map<String, Object> activity(Locale locale) {
        AuditActivity activity = queries.activity(14, zone);
        List<Map<String, Object>> series = activity.counts().entrySet().stream()
            .map(e -> Map.<String, Object>of("name", messages.getMessage("audit.outcome." + e.getKey(), null, locale),
                "data", e.getValue()))
            .toList();
        return Map.of("categories", activity.days().stream().map(d -> d.format(DAY)).toList(), "series", series);
    }

    @GetMapping
    String entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String organizationId, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String outcome,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Actor me = CurrentActor.require();
        Map<UUID, String> names = organizationNames();
        model.addAttribute("organizations", names);
        model.addAttribute("seesAll", queries.seesAllOrganizations());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("canVerify", me.isPlatformAdmin() || me.hasRole(org.govshare.platform.Roles.AUDITOR));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("from", text(from));
        filters.put("to", text(to));
        filters.put("organizationId", text(organizationId));
        filters.put("action", text(action));
        filters.put("actor", text(actor));
        filters.put("outcome", text(outcome));
        model.addAttribute("filters", filters);
        try {
            AuditSearch search = new AuditSearch(local(from, "from"), local(to, "to"), uuid(organizationId),
                text(action), text(actor), outcome(outcome), null);
            AuditPage result = queries.search(search, Math.max(0, page), PAGE_SIZE);
            model.addAttribute("result", result);
            model.addAttribute("rows", result.items().stream().map(e -> Row.of(e, names, zone)).toList());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                // the security layer answers 403 and writes the denial into this very log
                throw new AccessDeniedException(e.code());
            }
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return "audit/entries";
    }

    @PostMapping("/verification")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
    String verify(Model model) {
        model.addAttribute("report", VerificationView.of(verification.verify()));
        return "audit/verification :: result";
    }

    private Map<UUID, String> organizationNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (OrganizationView o : directory.allOrganizations()) {
            names.put(o.id(), o.shortName() != null ? o.shortName() : o.name());
        }
        return names;
    }

    private Instant local(String value, String field) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "invalid-value", field, value, "yyyy-MM-ddTHH:mm");
        }
    }

    private static UUID uuid(String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("organizationId", "invalid-value", "organizationId", value, "UUID");
        }
    }

    private static AuditOutcome outcome(String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "invalid-value", "outcome", value, List.of(AuditOutcome.values()));
        }
    }

    private static String text(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    /** One table row, ready to show. */
    record Row(long seq, String time, String actor, String organization, String action, String target,
               String targetOrganization, String outcome, String requestId, String detail) {

        static Row of(AuditEntry e, Map<UUID, String> names, ZoneId zone) {
            String target = e.targetType() == null ? null
                : e.targetType() + (e.targetId() == null ? "" : " " + shortId(e.targetId()));
            return new Row(e.seq(), SHOWN.format(e.occurredAt().atZone(zone)), e.actorName(),
                name(e.organizationId(), names), e.action(), target, name(e.targetOrganizationId(), names),
                e.outcome().name(), e.requestId(), e.detail());
        }

        /** Long ids are cut to their first block in the table; the row's tooltip has the detail. */
        private static String shortId(String id) {
            return id.length() == 36 && id.charAt(8) == '-' ? id.substring(0, 8) + "…" : id;
        }

        private static String name(UUID id, Map<UUID, String> names) {
            return id == null ? null : names.getOrDefault(id, id.toString());
        }
    }
}
