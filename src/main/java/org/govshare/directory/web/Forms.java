package org.govshare.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.govshare.platform.ProblemException;
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
class Forms {

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    <T> Optional<T> attempt(BindingResult binding, Model model, Locale locale, Supplier<T> action) {
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
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.code(), locale)));
            return Optional.empty();
        }
    }

    private List<String> of(BindingResult result, Locale locale) {
        return result.getFieldErrors().stream()
            .map(e -> label(e.getField(), locale) + "：" + messages.getMessage("validation." + e.getCode(),
                new Object[]{label(e.getField(), locale)}, e.getDefaultMessage(), locale))
            .toList();
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("field." + field, null, field, locale);
    }
}
