package org.govshare.catalog;

/** The data type of a data item; STRING and DECIMAL need a length. */
public enum DataType {
    STRING, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, BINARY;

    public boolean needsLength() {
        return this == STRING || this == DECIMAL;
    }
}
