package org.govshare.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.IssuedApiKey;
import org.govshare.directory.NewClientApplication;
import org.govshare.directory.NewUser;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationView;
import org.govshare.directory.PasswordReset;
import org.govshare.directory.UserChanges;
import org.govshare.directory.UserView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory's JSON API. Updates carry the version they were based on in {@code If-Match}
 * (the ETag of the GET), so two administrators never overwrite each other silently.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "directory", description = "Organizations, users, client applications and API keys")
class DirectoryApiController {

    private static final int MAX_PAGE = 200;

    private final DirectoryManagement directory;

    DirectoryApiController(DirectoryManagement directory) {
        this.directory = directory;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is: a person or a client application, with organization and roles")
    Actor me() {
        return CurrentActor.require();
    }

    @GetMapping("/organizations")
    PageView<OrganizationView> organizations(@RequestParam(required = false) String q,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        return PageView.of(directory.organizations(q, pageRequest(page, size, Sort.by("type", "name"))));
    }

    @GetMapping("/organizations/{id}")
    ResponseEntity<OrganizationView> organization(@PathVariable UUID id) {
        OrganizationView org = directory.findOrganization(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        return ResponseEntity.ok().eTag(Long.toString(org.version())).body(org);
    }

    @PostMapping("/organizations")
    ResponseEntity<OrganizationView> register(@Valid @RequestBody OrganizationDetails details) {
        OrganizationView org = directory.registerOrganization(details);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.id())).eTag(Long.toString(org.version())).body(org);
    }

    @PutMapping("/organizations/{id}")
    ResponseEntity<OrganizationView> update(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch,
                                            @Valid @RequestBody OrganizationDetails details) {
        OrganizationView org = directory.updateOrganization(id, version(ifMatch), details);
        return ResponseEntity.ok().eTag(Long.toString(org.version())).body(org);
    }

    @GetMapping("/organizations/{id}/users")
    PageView<UserView> users(@PathVariable UUID id, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(directory.users(id, q, pageRequest(page, size, Sort.by("username"))));
    }

    @GetMapping("/users")
    PageView<UserView> allUsers(@RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(directory.users(null, q, pageRequest(page, size, Sort.by("username"))));
    }

    @PostMapping("/users")
    ResponseEntity<UserView> createUser(@Valid @RequestBody NewUser user) {
        UserView created = directory.createUser(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).eTag(Long.toString(created.version())).body(created);
    }

    @GetMapping("/users/{id}")
    ResponseEntity<UserView> user(@PathVariable UUID id) {
        UserView user = directory.user(id);
        return ResponseEntity.ok().eTag(Long.toString(user.version())).body(user);
    }

    @PutMapping("/users/{id}")
    ResponseEntity<UserView> changeUser(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch,
                                        @Valid @RequestBody UserChanges changes) {
        UserView user = directory.changeUser(id, version(ifMatch), changes);
        return ResponseEntity.ok().eTag(Long.toString(user.version())).body(user);
    }

    @PostMapping("/users/{id}/password")
    UserView resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset reset) {
        return directory.resetPassword(id, reset);
    }

    @PostMapping("/users/{id}/enabled")
    UserView enable(@PathVariable UUID id) {
        return directory.setUserEnabled(id, true);
    }

    @DeleteMapping("/users/{id}/enabled")
    UserView disable(@PathVariable UUID id) {
        return directory.setUserEnabled(id, false);
    }

    @GetMapping("/organizations/{id}/clients")
    PageView<ClientApplicationView> clients(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(directory.clientApplications(id, pageRequest(page, size, Sort.by("name"))));
    }

    @PostMapping("/clients")
    ResponseEntity<ClientApplicationView> registerClient(@Valid @RequestBody NewClientApplication application) {
        ClientApplicationView created = directory.registerClientApplication(application);
        return ResponseEntity.created(URI.create("/api/v1/clients/" + created.id())).body(created);
    }

    @GetMapping("/clients/{id}")
    ClientApplicationView client(@PathVariable UUID id) {
        return directory.clientApplication(id);
    }

    @PostMapping("/clients/{id}/keys")
    @Operation(summary = "Issue an API key; the response is the only time the secret is shown")
    ResponseEntity<IssuedApiKey> issueKey(@PathVariable UUID id) {
        return ResponseEntity.status(201).body(directory.issueApiKey(id));
    }

    @PostMapping("/clients/{id}/keys/rotation")
    @Operation(summary = "Issue a new key and revoke all earlier keys of the application")
    ResponseEntity<IssuedApiKey> rotateKey(@PathVariable UUID id) {
        return ResponseEntity.status(201).body(directory.rotateApiKey(id));
    }

    @DeleteMapping("/clients/{id}/keys/{prefix}")
    ClientApplicationView revokeKey(@PathVariable UUID id, @PathVariable String prefix) {
        return directory.revokeApiKey(id, prefix);
    }

    private static PageRequest pageRequest(int page, int size, Sort sort) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page-range", 0);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalid("size", "size-range", MAX_PAGE);
        }
        return PageRequest.of(page, size, sort);
    }

    private static long version(String ifMatch) {
        String v = ifMatch.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "if-match-format");
        }
    }
}
