package org.govshare.directory;

/** Kinds of organization in a district: the sharing authority, departments, streets and towns, others. */
public enum OrganizationType {
    AUTHORITY, DEPARTMENT, STREET, TOWN, INSTITUTION, ENTERPRISE
}
