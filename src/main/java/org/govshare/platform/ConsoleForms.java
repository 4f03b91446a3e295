package org.govshare.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Runs a console form's action: binding errors and domain refusals become messages shown next to
 * the form; refusals that are not the user's to fix (403, 404) go on to the error page.
 */
@Component
public class ConsoleForms {

    private final MessageSource messages;

    ConsoleForms(MessageSource messages) {
        this.messages = messages;
    }

    public <T> Optional<T> attempt(BindingResult binding, Model model, Locale locale, Supplier<T> action) {
        if (binding != null && binding.hasErrors()) {
            model.addAttribute("errors", of(binding, locale));
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("errors", e instanceof ViolationsException v
                ? v.violations().stream().map(x -> label(x.field(), locale) + "：" + messages.getMessage("problem." + x.code(),
                    x.args().toArray(), x.code(), locale)).toList()
                : List.of(messages.getMessage(e.messageKey(), e.args(), e.code(), locale)));
            return Optional.empty();
        }
    }

    private List<String> of(BindingResult result, Locale locale) {
        return result.getFieldErrors().stream()
            .map(e -> label(e.getField(), locale) + "：" + messages.getMessage("validation." + e.getCode(),
                new Object[]{label(e.getField(), locale)}, e.getDefaultMessage(), locale))
            .toList();
    }

    /** "dataItems[3].length" reads as the label of "length" with the row: 信息项第 4 行 · 长度. */
    private String label(String field, Locale locale) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (m.matches()) {
            return messages.getMessage("field." + m.group(1) + ".row", new Object[]{Integer.parseInt(m.group(2)) + 1},
                m.group(1) + "[" + m.group(2) + "]", locale) + " · " + messages.getMessage("field." + m.group(3), null,
                m.group(3), locale);
        }
        return messages.getMessage("field." + field, null, field, locale);
    }
}
