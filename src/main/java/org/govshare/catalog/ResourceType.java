package org.govshare.catalog;

/** The resource-type classes at the top of the classification: basic, theme, department. */
public enum ResourceType {
    BASIC, THEME, DEPARTMENT
}
