package org.govshare.directory.internal;

import java.time.Instant;
import java.util.UUID;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.CreditCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("organization")
class Organization {

    @Id
    private UUID id;
    @Version
    private Long version;
    private String name;
    private String shortName;
    private OrganizationType type;
    private UUID parentId;
    private String creditCode;
    private String areaCode;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    Organization() {
    }

    static Organization register(OrganizationDetails d, CreditCode code, Instant now) {
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        o.active = true;
        o.createdAt = now;
        o.apply(d, code, now);
        return o;
    }

    void apply(OrganizationDetails d, CreditCode code, Instant now) {
        name = d.name().trim();
        shortName = blankToNull(d.shortName());
        type = d.type();
        parentId = d.parentId();
        creditCode = code.value();
        areaCode = code.areaCode();
        contactName = blankToNull(d.contactName());
        contactPhone = blankToNull(d.contactPhone());
        contactEmail = blankToNull(d.contactEmail());
        updatedAt = now;
    }

    OrganizationView view() {
        return new OrganizationView(id, name, shortName, type, parentId, creditCode, areaCode, contactName,
            contactPhone, contactEmail, active, version == null ? 0 : version, createdAt);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    long version() {
        return version == null ? 0 : version;
    }

    boolean isActive() {
        return active;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
