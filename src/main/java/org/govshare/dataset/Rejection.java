package org.govshare.dataset;

/**
 * Why one row (or the whole source, when {@code row} is null) was refused: the row number as the
 * user counts it in the source, the data item (code name) or source column, the value found, the
 * rule's stable code and the reason in the reader's language.
 */
public record Rejection(Long row, String item, String value, String code, String message) {
}
