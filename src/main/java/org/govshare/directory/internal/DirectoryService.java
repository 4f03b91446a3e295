package org.govshare.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.govshare.directory.ApiKeyView;
import org.govshare.directory.ClientApplicationRef;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryEvents.ApiKeyIssued;
import org.govshare.directory.DirectoryEvents.ApiKeyRevoked;
import org.govshare.directory.DirectoryEvents.ClientApplicationChanged;
import org.govshare.directory.DirectoryEvents.ClientApplicationRegistered;
import org.govshare.directory.DirectoryEvents.OrganizationRegistered;
import org.govshare.directory.DirectoryEvents.OrganizationUpdated;
import org.govshare.directory.DirectoryEvents.UserChanged;
import org.govshare.directory.DirectoryEvents.UserCreated;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.IssuedApiKey;
import org.govshare.directory.NewClientApplication;
import org.govshare.directory.NewUser;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.directory.PasswordReset;
import org.govshare.directory.Role;
import org.govshare.directory.UserChanges;
import org.govshare.directory.UserView;
import org.govshare.platform.Actor;
import org.govshare.platform.CreditCode;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Roles;
import org.govshare.platform.ValidationResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DirectoryService implements DirectoryManagement {

    /** The role half of every check; which organization's objects they may touch is decided per call below. */
    private static final String MANAGERS = "hasAnyRole('PLATFORM_ADMIN', 'ORG_ADMIN')";
    private static final String PLATFORM_ADMINS = "hasRole('PLATFORM_ADMIN')";

    private final Organizations organizations;
    private final Users users;
    private final Clients clients;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryService(Organizations organizations, Users users, Clients clients, PasswordEncoder passwords,
                     ApplicationEventPublisher events, Optional<Clock> clock) {
        this.organizations = organizations;
        this.users = users;
        this.clients = clients;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    // ---- organizations

    @PreAuthorize(PLATFORM_ADMINS)
    @Override
    public OrganizationView registerOrganization(OrganizationDetails details) {
        Actor actor = requirePlatformAdmin();
        CreditCode code = creditCode(details.creditCode());
        if (organizations.existsByName(details.name().trim())) {
            throw ProblemException.invalid("name", "duplicate-name", details.name().trim());
        }
        if (organizations.existsByCreditCode(code.value())) {
            throw ProblemException.invalid("creditCode", "duplicate-credit-code", code.value());
        }
        checkParent(details, null);
        Organization org = organizations.save(Organization.register(details, code, now()));
        events.publishEvent(new OrganizationRegistered(org.id(), org.name(), actor, RequestIds.current()));
        return org.view();
    }

    @PreAuthorize(MANAGERS)
    @Override
    public OrganizationView updateOrganization(UUID id, long expectedVersion, OrganizationDetails details) {
        Actor actor = CurrentActor.require();
        Organization org = organizations.findById(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        requireManagerOf(actor, id);
        CreditCode code = creditCode(details.creditCode());
        if (!actor.isPlatformAdmin() && (!code.value().equals(org.view().creditCode())
                || details.type() != org.view().type() || !java.util.Objects.equals(details.parentId(), org.view().parentId()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-field", "creditCode", "problem.forbidden-field");
        }
        if (org.version() != expectedVersion) {
            throw ProblemException.conflict("version", "stale-version");
        }
        if (organizations.existsByNameAndIdNot(details.name().trim(), id)) {
            throw ProblemException.invalid("name", "duplicate-name", details.name().trim());
        }
        if (organizations.existsByCreditCodeAndIdNot(code.value(), id)) {
            throw ProblemException.invalid("creditCode", "duplicate-credit-code", code.value());
        }
        checkParent(details, id);
        org.apply(details, code, now());
        org = organizations.save(org);
        events.publishEvent(new OrganizationUpdated(id, org.name(), actor, RequestIds.current()));
        return org.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> findOrganization(UUID id) {
        CurrentActor.require();
        return organizations.findById(id).map(Organization::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrganizationView> organizations(String query, Pageable page) {
        CurrentActor.require();
        return organizations.findByNameContaining(query == null ? "" : query.trim(), page).map(Organization::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationView> allOrganizations() {
        CurrentActor.require();
        return organizations.findAllByOrderByTypeAscNameAsc().stream().map(Organization::view).toList();
    }

    private CreditCode creditCode(String raw) {
        ValidationResult result = CreditCode.check(raw);
        if (!result.valid()) {
            throw ProblemException.invalid("creditCode", "credit-code-" + result.rule());
        }
        return CreditCode.parse(raw);
    }

    private void checkParent(OrganizationDetails details, UUID self) {
        if (details.type() == OrganizationType.AUTHORITY) {
            boolean another = organizations.findAll().stream()
                .anyMatch(o -> o.view().type() == OrganizationType.AUTHORITY && !o.id().equals(self));
            if (another) {
                throw ProblemException.invalid("type", "authority-exists");
            }
        }
        if (details.parentId() == null) {
            return;
        }
        if (details.parentId().equals(self)) {
            throw ProblemException.invalid("parentId", "parent-cycle");
        }
        UUID cursor = details.parentId();
        for (int depth = 0; cursor != null; depth++) {
            Organization parent = organizations.findById(cursor)
                .orElseThrow(() -> ProblemException.invalid("parentId", "parent-unknown"));
            if (parent.id().equals(self) || depth > 20) {
                throw ProblemException.invalid("parentId", "parent-cycle");
            }
            cursor = parent.view().parentId();
        }
    }

    // ---- users

    @PreAuthorize(MANAGERS)
    @Override
    public UserView createUser(NewUser n) {
        Actor actor = CurrentActor.require();
        requireManagerOf(actor, n.organizationId());
        Organization org = organizations.findById(n.organizationId())
            .orElseThrow(() -> ProblemException.invalid("organizationId", "organization-unknown"));
        checkRoles(actor, org, n.roles());
        checkPassword(n.password());
        if (users.existsByUsername(n.username())) {
            throw ProblemException.invalid("username", "duplicate-username", n.username());
        }
        User user = users.save(User.create(n.username(), n.displayName(), org.id(), passwords.encode(n.password()),
            n.roles(), n.email(), n.phone(), now()));
        events.publishEvent(new UserCreated(user.id(), user.username(), org.id(), user.roles(), actor, RequestIds.current()));
        return user.view(now());
    }

    @PreAuthorize(MANAGERS)
    @Override
    public UserView changeUser(UUID id, long expectedVersion, UserChanges changes) {
        Actor actor = CurrentActor.require();
        User user = managedUser(actor, id);
        if (user.version() != expectedVersion) {
            throw ProblemException.conflict("version", "stale-version");
        }
        Organization org = organizations.findById(user.organizationId()).orElseThrow();
        checkRoles(actor, org, changes.roles());
        if (user.id().equals(actor.userId()) && !changes.roles().containsAll(user.roles())) {
            throw ProblemException.invalid("roles", "own-roles");
        }
        user.change(changes.displayName(), changes.roles(), changes.email(), changes.phone());
        user = users.save(user);
        events.publishEvent(new UserChanged(id, user.username(), user.organizationId(), "changed", actor, RequestIds.current()));
        return user.view(now());
    }

    @PreAuthorize(MANAGERS)
    @Override
    public UserView setUserEnabled(UUID id, boolean enabled) {
        Actor actor = CurrentActor.require();
        User user = managedUser(actor, id);
        if (user.id().equals(actor.userId()) && !enabled) {
            throw ProblemException.invalid("enabled", "disable-self");
        }
        user.setEnabled(enabled);
        user = users.save(user);
        events.publishEvent(new UserChanged(id, user.username(), user.organizationId(), enabled ? "enabled" : "disabled",
            actor, RequestIds.current()));
        return user.view(now());
    }

    @PreAuthorize(MANAGERS)
    @Override
    public UserView resetPassword(UUID id, PasswordReset reset) {
        Actor actor = CurrentActor.require();
        User user = managedUser(actor, id);
        checkPassword(reset.password());
        user.changePassword(passwords.encode(reset.password()));
        user = users.save(user);
        events.publishEvent(new UserChanged(id, user.username(), user.organizationId(), "password-reset", actor,
            RequestIds.current()));
        return user.view(now());
    }

    @PreAuthorize(MANAGERS)
    @Override
    @Transactional(readOnly = true)
    public UserView user(UUID id) {
        return managedUser(CurrentActor.require(), id).view(now());
    }

    @PreAuthorize(MANAGERS)
    @Override
    @Transactional(readOnly = true)
    public Page<UserView> users(UUID organizationId, String query, Pageable page) {
        Actor actor = CurrentActor.require();
        String q = query == null ? "" : query.trim();
        if (organizationId == null) {
            if (!actor.isPlatformAdmin()) {
                throw forbidden();
            }
            return users.findByUsernameContaining(q, page).map(u -> u.view(now()));
        }
        requireManagerOf(actor, organizationId);
        return users.findByOrganizationIdAndUsernameContaining(organizationId, q, page).map(u -> u.view(now()));
    }

    private User managedUser(Actor actor, UUID id) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        requireManagerOf(actor, user.organizationId());
        return user;
    }

    private void checkRoles(Actor actor, Organization org, Set<Role> roles) {
        if (roles.contains(Role.PLATFORM_ADMIN)) {
            if (!actor.isPlatformAdmin()) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-role", "roles", "problem.forbidden-role");
            }
            if (org.view().type() != OrganizationType.AUTHORITY) {
                throw ProblemException.invalid("roles", "platform-admin-outside-authority");
            }
        }
    }

    private static void checkPassword(String password) {
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw ProblemException.invalid("password", "password-weak");
        }
    }

    // ---- client applications

    @PreAuthorize(MANAGERS)
    @Override
    public ClientApplicationView registerClientApplication(NewClientApplication n) {
        Actor actor = CurrentActor.require();
        requireManagerOf(actor, n.organizationId());
        if (!organizations.existsById(n.organizationId())) {
            throw ProblemException.invalid("organizationId", "organization-unknown");
        }
        if (clients.existsByOrganizationIdAndName(n.organizationId(), n.name().trim())) {
            throw ProblemException.invalid("name", "duplicate-client-name", n.name().trim());
        }
        ClientApplication app = clients.save(ClientApplication.register(n.organizationId(), n.name(), n.description(), now()));
        events.publishEvent(new ClientApplicationRegistered(app.id(), n.name().trim(), n.organizationId(), actor,
            RequestIds.current()));
        return app.view();
    }

    @PreAuthorize(MANAGERS)
    @Override
    @Transactional(readOnly = true)
    public ClientApplicationView clientApplication(UUID id) {
        return managedClient(CurrentActor.require(), id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientApplicationRef> clientApplicationRefs(java.util.Collection<UUID> ids) {
        CurrentActor.require();
        return clients.findAllById(ids.stream().filter(java.util.Objects::nonNull).distinct().toList()).stream()
            .map(ClientApplication::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientApplicationRef> activeClientApplicationRefs(UUID organizationId) {
        CurrentActor.require();
        return clients.findByOrganizationIdAndActiveTrueOrderByName(organizationId).stream()
            .map(ClientApplication::ref).toList();
    }

    @PreAuthorize(MANAGERS)
    @Override
    @Transactional(readOnly = true)
    public Page<ClientApplicationView> clientApplications(UUID organizationId, Pageable page) {
        Actor actor = CurrentActor.require();
        if (organizationId == null) {
            if (!actor.isPlatformAdmin()) {
                throw forbidden();
            }
            return clients.findAllBy(page).map(ClientApplication::view);
        }
        requireManagerOf(actor, organizationId);
        return clients.findByOrganizationId(organizationId, page).map(ClientApplication::view);
    }

    @PreAuthorize(MANAGERS)
    @Override
    public ClientApplicationView setClientApplicationActive(UUID id, boolean active) {
        Actor actor = CurrentActor.require();
        ClientApplication app = managedClient(actor, id);
        app.setActive(active);
        app = clients.save(app);
        events.publishEvent(new ClientApplicationChanged(id, app.organizationId(), active ? "enabled" : "disabled", actor,
            RequestIds.current()));
        return app.view();
    }

    @PreAuthorize(MANAGERS)
    @Override
    public IssuedApiKey issueApiKey(UUID clientApplicationId) {
        Actor actor = CurrentActor.require();
        ClientApplication app = managedClient(actor, clientApplicationId);
        return issue(actor, app);
    }

    @PreAuthorize(MANAGERS)
    @Override
    public IssuedApiKey rotateApiKey(UUID clientApplicationId) {
        Actor actor = CurrentActor.require();
        ClientApplication app = managedClient(actor, clientApplicationId);
        List<String> revoked = app.view().keys().stream().filter(ApiKeyView::active).map(ApiKeyView::prefix).toList();
        app.revokeAll(now());
        revoked.forEach(prefix -> events.publishEvent(
            new ApiKeyRevoked(app.id(), app.organizationId(), prefix, actor, RequestIds.current())));
        return issue(actor, app);
    }

    private IssuedApiKey issue(Actor actor, ClientApplication app) {
        ApiKeySecrets.Generated key = ApiKeySecrets.generate();
        Instant now = now();
        if (!app.addKey(new ClientApplication.ApiKey(UUID.randomUUID(), key.prefix(), key.hash(), now, null))) {
            throw ProblemException.invalid("keys", "too-many-keys", ClientApplication.MAX_ACTIVE_KEYS);
        }
        clients.save(app);
        events.publishEvent(new ApiKeyIssued(app.id(), app.organizationId(), key.prefix(), actor, RequestIds.current()));
        return new IssuedApiKey(app.id(), key.prefix(), key.rawKey(), now);
    }

    @PreAuthorize(MANAGERS)
    @Override
    public ClientApplicationView revokeApiKey(UUID clientApplicationId, String prefix) {
        Actor actor = CurrentActor.require();
        ClientApplication app = managedClient(actor, clientApplicationId);
        if (!app.revoke(prefix, now())) {
            throw ProblemException.notFound("api-key", prefix);
        }
        app = clients.save(app);
        events.publishEvent(new ApiKeyRevoked(app.id(), app.organizationId(), prefix, actor, RequestIds.current()));
        return app.view();
    }

    private ClientApplication managedClient(Actor actor, UUID id) {
        ClientApplication app = clients.findById(id).orElseThrow(() -> ProblemException.notFound("client-application", id));
        requireManagerOf(actor, app.organizationId());
        return app;
    }

    @Override
    @Transactional(readOnly = true)
    public DirectoryCounts counts(UUID organizationId) {
        if (organizationId == null) {
            return new DirectoryCounts(organizations.count(), users.count(), clients.count());
        }
        return new DirectoryCounts(1, users.countByOrganizationId(organizationId), clients.countByOrganizationId(organizationId));
    }

    // ---- ownership

    private static Actor requirePlatformAdmin() {
        Actor actor = CurrentActor.require();
        if (!actor.isPlatformAdmin()) {
            throw forbidden();
        }
        return actor;
    }

    /** Role AND ownership: platform administrators, or the organization's own administrators. */
    private static void requireManagerOf(Actor actor, UUID organizationId) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        if (actor.hasRole(Roles.ORG_ADMIN) && actor.belongsTo(organizationId)) {
            return;
        }
        throw forbidden();
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    private Instant now() {
        return clock.instant();
    }
}
