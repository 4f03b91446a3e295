package org.govshare.directory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govshare.directory.Role;
import org.govshare.directory.UserView;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to the console; owns its lockout state. */
@Table("app_user")
class User {

    @Id
    private UUID id;
    @Version
    private Long version;
    private String username;
    private String displayName;
    private UUID organizationId;
    private String passwordHash;
    private String email;
    private String phone;
    private boolean enabled;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    private Instant createdAt;
    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles;

    User() {
    }

    static User create(String username, String displayName, UUID organizationId, String passwordHash,
                       Set<Role> roles, String email, String phone, Instant now) {
        User u = new User();
        u.id = UUID.randomUUID();
        u.username = username;
        u.organizationId = organizationId;
        u.passwordHash = passwordHash;
        u.enabled = true;
        u.createdAt = now;
        u.change(displayName, roles, email, phone);
        return u;
    }

    void change(String displayName, Set<Role> roles, String email, String phone) {
        this.displayName = displayName.trim();
        this.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
        this.email = email == null || email.isBlank() ? null : email.trim();
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
    }

    void changePassword(String hash) {
        passwordHash = hash;
        failedLogins = 0;
        lockedUntil = null;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            failedLogins = 0;
            lockedUntil = null;
        }
    }

    /** Counts a failed sign-in; the account locks for {@code lockout} once {@code max} is reached. */
    void loginFailed(int max, Duration lockout, Instant now) {
        failedLogins++;
        if (failedLogins >= max) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
        }
    }

    void loginSucceeded(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Set<Role> roles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(g -> set.add(g.role()));
        return set;
    }

    UserView view(Instant now) {
        return new UserView(id, username, displayName, organizationId, roles(), email, phone, enabled, lockedAt(now),
            lastLoginAt, version == null ? 0 : version, createdAt);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    UUID organizationId() {
        return organizationId;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    long version() {
        return version == null ? 0 : version;
    }

    @Table("user_role")
    record RoleGrant(Role role) {
    }
}
