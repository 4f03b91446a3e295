package org.govshare.sharing;

/** Operators of a row-scope filter on a data item. */
public enum FilterOp {
    /** values[0] equals the item's value. */
    EQ,
    /** The item's value is one of values. */
    IN,
    /** The item's value starts with values[0] (e.g. an area code prefix). */
    PREFIX,
    /** values[0] <= value <= values[1]; an empty bound is open. */
    RANGE
}
