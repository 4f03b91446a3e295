package org.govshare.platform;

/**
 * Signals an identifier that breaks its national standard. It carries the rule code and the
 * identifier type rather than the offending value, because resident identity numbers are
 * personal data and must not end up in logs or error responses.
 */
public class InvalidIdentifierException extends RuntimeException {

    private final String identifierType;
    private final String rule;

    public InvalidIdentifierException(String identifierType, String rule) {
        super("Invalid " + identifierType + ": rule '" + rule + "' not satisfied");
        this.identifierType = identifierType;
        this.rule = rule;
    }

    public String identifierType() {
        return identifierType;
    }

    public String rule() {
        return rule;
    }
}
