package org.govshare.sharing.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.govshare.catalog.DataItemView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.RowFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the sharing console pages share: running an action and turning its broken rules into
 * messages under the fields, the viewer's tabs, names of departments and items, and the parsing of
 * form fields that a browser sends as text.
 */
@org.springframework.stereotype.Component
class SharingForms {

    static final int FILTER_ROWS = 3;

    private final DirectoryManagement directory;
    private final ConsoleForms forms;
    private final MessageSource messages;
    private final ZoneId zone;

    SharingForms(DirectoryManagement directory, ConsoleForms forms, MessageSource messages,
                 @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.directory = directory;
        this.forms = forms;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** The tabs of the lists: what the viewer may open. */
    record Tabs(boolean mine, boolean provider, boolean authority) {
    }

    static String tab(String tab, Tabs tabs) {
        if ("provider".equals(tab) && tabs.provider() || "mine".equals(tab) && tabs.mine()
            || ("all".equals(tab) || "overdue".equals(tab)) && tabs.authority()) {
            return tab;
        }
        return tabs.authority() ? "all" : tabs.mine() ? "mine" : "provider";
    }

    Tabs tabs(Actor actor, SharingNames names) {
        boolean mine = actor.organizationId() != null
            && (actor.hasRole(Roles.ORG_ADMIN) || actor.hasRole(Roles.DATA_STEWARD));
        boolean authority = actor.isPlatformAdmin() || names.isAuthority(actor.organizationId());
        return new Tabs(mine, actor.organizationId() != null, authority);
    }


    /**
     * Runs an action: every broken rule goes to the list at the top and under its field (the field's
     * path folded to the input's name: {@code items[1]} → {@code items}); 403/404 go to the error page.
     */
    <T> Optional<T> attempt(Model model, Locale locale, Supplier<T> action) {
        List<Violation> violations = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Optional<T> result = forms.attempt(null, model, locale, () -> {
            try {
                return action.get();
            } catch (ViolationsException e) {
                violations.addAll(e.violations());
                throw e;
            } catch (ProblemException e) {
                if ("application-state".equals(e.code()) && e.args().length > 0) {
                    Object state = e.args()[0];
                    stale.add(state instanceof org.springframework.context.MessageSourceResolvable r
                        ? r.getDefaultMessage() : String.valueOf(state));
                } else if (e.field() != null) {
                    violations.add(new Violation(e.field(), e.code(), List.of(e.args())));
                }
                throw e;
            }
        });
        if (!stale.isEmpty()) {
            // someone decided first: say so in words and show the application as it is now
            String state = messages.getMessage("sharing.state." + stale.get(0), null, stale.get(0), locale);
            model.addAttribute("errors", List.of(messages.getMessage("sharing.conflict", new Object[]{state}, locale)));
        }
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> listed = new ArrayList<>();
        for (Violation v : violations) {
            String message = messages.getMessage("problem." + v.code(), v.args().toArray(), v.code(), locale);
            byField.merge(inputName(v.field()), message, (x, y) -> x.equals(y) ? x : x + " " + y);
            listed.add(label(v.field(), locale) + "：" + message);
        }
        if (!listed.isEmpty()) {
            model.addAttribute("errors", listed);
        }
        model.addAttribute("fieldErrors", byField);
        return result;
    }

    /** The field's label, with the row of a list: 行范围条件第 1 条、信息项第 2 项. */
    private String label(String field, Locale locale) {
        String name = inputName(field);
        String label = messages.getMessage("field." + name, null, name, locale);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field == null ? "" : field);
        return m.find() ? messages.getMessage("sharing.field.row", new Object[]{label, Integer.parseInt(m.group(1)) + 1},
            label, locale) : label;
    }

    /** items[1] → items; rowScope[0].values → rowScope; masks.fddbr → masks. */
    static String inputName(String field) {
        if (field == null) {
            return "";
        }
        int cut = field.length();
        for (char c : new char[]{'[', '.'}) {
            int i = field.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return field.substring(0, cut);
    }

    SharingNames names(List<DataItemView> items, Locale locale) {
        return new SharingNames(directory.allOrganizations(), items, messages, locale, zone);
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    static LocalDate date(String field, String value, List<Violation> unreadable) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            unreadable.add(Violation.of(field, "invalid-value", field, value, "yyyy-MM-dd"));
            return null;
        }
    }

    static Integer integer(String field, String value, List<Violation> unreadable) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            unreadable.add(Violation.of(field, "invalid-value", field, value, "1, 2, 3 …"));
            return null;
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        try {
            return StringUtils.hasText(s) ? Enum.valueOf(type, s.strip()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String base(String path, Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .filter(e -> StringUtils.hasText(e.getValue())).forEach(e -> b.queryParam(e.getKey(), e.getValue()));
        return b.encode().build().toUriString();
    }

    static List<RowFilter> filters(Map<String, String> fields, String field, List<Violation> unreadable) {
        List<RowFilter> scope = new ArrayList<>();
        for (int i = 0; i < FILTER_ROWS; i++) {
            String item = fields.get("filterItem-" + i);
            if (!StringUtils.hasText(item)) {
                continue;
            }
            FilterOp op = enumOrNull(FilterOp.class, fields.get("filterOp-" + i));
            String raw = fields.getOrDefault("filterValues-" + i, "");
            List<String> values = Arrays.stream(raw.split("[,，]", -1)).map(String::strip).toList();
            if (op != FilterOp.RANGE) {
                values = values.stream().filter(v -> !v.isEmpty()).toList();
            }
            scope.add(new RowFilter(item, op, values));
        }
        return scope;
    }
}
