package org.govshare.exchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.govshare.exchange.DataServiceReports.Side;
import org.govshare.exchange.DataServiceReports.UsageQuery;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

/** The usage filters as the API and the console pages take them from the query string. */
final class UsageParams {

    private UsageParams() {
    }

    static UsageQuery query(String side, UUID organization, String from, String to, UUID resource, UUID consumer,
                            UUID client, String method) {
        return new UsageQuery(side(side), organization, date("from", from), date("to", to), resource, consumer, client,
            StringUtils.hasText(method) ? method.strip().toLowerCase(Locale.ROOT) : null);
    }

    static Side side(String side) {
        if (!StringUtils.hasText(side)) {
            return null;
        }
        try {
            return Side.valueOf(side.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", "side", "problem.invalid-value", "side",
                side, "provider, consumer, all");
        }
    }

    static LocalDate date(String field, String text) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "usage-date-invalid", field, "problem.usage-date-invalid",
                field, text);
        }
    }
}
