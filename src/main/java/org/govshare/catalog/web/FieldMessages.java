package org.govshare.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.platform.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Turns broken rules into the two places a form shows them: the list at the top ("信息项第 4 行 ·
 * 长度：…") and a short message under the field itself, keyed by the field's path as the form
 * names its inputs ({@code dataItems[3].length}).
 */
@Component
class FieldMessages {

    private static final Pattern ROW = Pattern.compile("(\\w+)\\[(\\d+)](?:\\.(\\w+))?");

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    MessageSource messages() {
        return messages;
    }

    /** Field path (list indexes of plain lists folded: relatedResourceCodes[1] → relatedResourceCodes) → message. */
    Map<String, String> byField(List<Violation> violations, Locale locale) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Violation v : violations) {
            String key = inputName(v.field());
            map.merge(key, message(v, locale), (a, b) -> a + " " + b);
        }
        return map;
    }

    List<String> list(List<Violation> violations, Locale locale) {
        List<String> list = new ArrayList<>();
        for (Violation v : violations) {
            list.add(label(v.field(), locale) + "：" + message(v, locale));
        }
        return list;
    }

    /** The rule's message; "required" says so plainly instead of naming the field path. */
    String message(Violation v, Locale locale) {
        Object[] args = v.args().toArray();
        try {
            return messages.getMessage("catalog.problem." + v.code(), args, locale);
        } catch (NoSuchMessageException e) {
            return messages.getMessage("problem." + v.code(), args, v.code(), locale);
        }
    }

    String label(String field, Locale locale) {
        if (field == null) {
            return "";
        }
        Matcher m = ROW.matcher(field);
        if (m.matches() && m.group(3) != null) {
            return messages.getMessage("field." + m.group(1) + ".row", new Object[]{Integer.parseInt(m.group(2)) + 1},
                field, locale) + " · " + itemFieldName(m.group(3), locale);
        }
        if (m.matches() && m.group(1).equals("dataItems")) {
            return messages.getMessage("field.dataItems.row", new Object[]{Integer.parseInt(m.group(2)) + 1}, field, locale);
        }
        return fieldName(m.matches() ? m.group(1) : field, locale);
    }

    /** A field's label: the catalog's own first, then the platform's shared ones. */
    String fieldName(String name, Locale locale) {
        try {
            return messages.getMessage("catalog.field." + name, null, locale);
        } catch (NoSuchMessageException e) {
            return messages.getMessage("field." + name, null, name, locale);
        }
    }

    /** A data item field's label: the platform's shared ones ("名称", not the resource's "资源名称"). */
    String itemFieldName(String name, Locale locale) {
        try {
            return messages.getMessage("field." + name, null, locale);
        } catch (NoSuchMessageException e) {
            return fieldName(name, locale);
        }
    }

    static String inputName(String field) {
        if (field == null) {
            return "";
        }
        Matcher m = ROW.matcher(field);
        return m.matches() && m.group(3) == null && !m.group(1).equals("dataItems") ? m.group(1) : field;
    }
}
