package org.govshare.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Organizations, people and client applications of the district. Every method acts as the
 * current actor and checks both role and ownership: an organization's administrator manages only
 * their own organization; the sharing authority's platform administrators manage all.
 */
public interface DirectoryManagement {

    OrganizationView registerOrganization(OrganizationDetails details);

    OrganizationView updateOrganization(UUID id, long expectedVersion, OrganizationDetails details);

    Optional<OrganizationView> findOrganization(UUID id);

    /** The list of organizations is known to every signed-in person: sharing needs to name partners. */
    Page<OrganizationView> organizations(String query, Pageable page);

    List<OrganizationView> allOrganizations();

    UserView createUser(NewUser user);

    UserView changeUser(UUID id, long expectedVersion, UserChanges changes);

    UserView setUserEnabled(UUID id, boolean enabled);

    UserView resetPassword(UUID id, PasswordReset reset);

    UserView user(UUID id);

    /** Users of one organization, or of all when {@code organizationId} is null (platform administrators only). */
    Page<UserView> users(UUID organizationId, String query, Pageable page);

    ClientApplicationView registerClientApplication(NewClientApplication application);

    ClientApplicationView clientApplication(UUID id);

    /** Names and departments of the given client applications (unknown ids are left out), for any signed-in person. */
    java.util.List<ClientApplicationRef> clientApplicationRefs(java.util.Collection<UUID> ids);

    /** The active client applications of a department by name, for any signed-in person. */
    java.util.List<ClientApplicationRef> activeClientApplicationRefs(UUID organizationId);

    Page<ClientApplicationView> clientApplications(UUID organizationId, Pageable page);

    ClientApplicationView setClientApplicationActive(UUID id, boolean active);

    IssuedApiKey issueApiKey(UUID clientApplicationId);

    /** Issues a new key and revokes all earlier ones of the application at once. */
    IssuedApiKey rotateApiKey(UUID clientApplicationId);

    ClientApplicationView revokeApiKey(UUID clientApplicationId, String prefix);

    DirectoryCounts counts(UUID organizationId);

    record DirectoryCounts(long organizations, long users, long clientApplications) {
    }
}
