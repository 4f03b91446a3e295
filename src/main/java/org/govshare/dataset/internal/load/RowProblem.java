package org.govshare.dataset.internal.load;

/**
 * A rejection as stored: rendered in the reader's language only when read, from the message
 * {@code dataset.rejection.<code>} with {@code args}. {@code row} is null for a problem of the
 * whole source; {@code item} a data item's code name or a source column; {@code value} cut to 200
 * characters.
 */
public record RowProblem(Long row, String item, String value, String code, Object... args) {
}
