package org.govshare.directory.web;

import java.util.List;
import java.util.Locale;
import org.govshare.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** Turns binding errors and domain refusals into messages a console form can show next to its fields. */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    List<String> of(BindingResult result, Locale locale) {
        return result.getFieldErrors().stream()
            .map(e -> label(e.getField(), locale) + "：" + messages.getMessage("validation." + e.getCode(),
                new Object[]{label(e.getField(), locale)}, e.getDefaultMessage(), locale))
            .toList();
    }

    List<String> of(ProblemException e, Locale locale) {
        return List.of(messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("field." + field, null, field, locale);
    }
}
